package io.vstage.staging.job;

/**
 * Accepted upload formats, recognised by their bytes.
 */
enum ImageFormat {

	JPEG("jpg"), PNG("png"), WEBP("webp");

	private final String extension;

	ImageFormat(String extension) {
		this.extension = extension;
	}

	String extension() {
		return this.extension;
	}

}
