package io.vstage.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A multipart/form-data body built byte by byte, so that a test knows exactly what the
 * upstream must receive.
 *
 * @param contentType the header value, with the boundary
 * @param bytes the body
 */
record Multipart(String contentType, byte[] bytes) {

	private static final String BOUNDARY = "vstage-test-boundary";

	/**
	 * A generation form: {@code num_images}, a style, and photos in parts named
	 * {@code imagePart}.
	 */
	static Multipart generation(int numImages, String imagePart, byte[]... photos) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		field(out, "num_images", Integer.toString(numImages));
		field(out, "style", "modern");
		for (int i = 0; i < photos.length; i++) {
			write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + imagePart
					+ "\"; filename=\"room" + i + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
			out.writeBytes(photos[i]);
			write(out, "\r\n");
		}
		write(out, "--" + BOUNDARY + "--\r\n");
		return new Multipart("multipart/form-data; boundary=" + BOUNDARY, out.toByteArray());
	}

	private static void field(ByteArrayOutputStream out, String name, String value) {
		write(out,
				"--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
	}

}
