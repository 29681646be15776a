package io.vstage.staging.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vstage.staging.StagingProblem;
import io.vstage.staging.job.UploadInspector.ImageInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadInspectorTests {

	private final UploadInspector inspector = new UploadInspector(40);

	@TempDir
	Path dir;

	@Test
	void jpegDimensionsAreReadFromTheFrameHeader() throws IOException {
		ImageInfo info = this.inspector.inspect(file(TestImages.jpeg(640, 480)));
		assertThat(info).isEqualTo(new ImageInfo(ImageFormat.JPEG, 640, 480));
	}

	@Test
	void pngDimensionsAreReadFromIhdr() throws IOException {
		assertThat(this.inspector.inspect(file(TestImages.png(300, 200))))
			.isEqualTo(new ImageInfo(ImageFormat.PNG, 300, 200));
	}

	@Test
	void webpIsRecognisedByItsBytes() throws IOException {
		assertThat(this.inspector.inspect(file(TestImages.webp(800, 600))))
			.isEqualTo(new ImageInfo(ImageFormat.WEBP, 800, 600));
	}

	@Test
	void textNamedLikeAnImageIsUnsupportedMediaType() {
		assertProblem("just text, not a picture".getBytes(), 415, "unsupported-image");
	}

	@Test
	void emptyFileIsUnsupportedMediaType() {
		assertProblem(new byte[0], 415, "unsupported-image");
	}

	@Test
	void truncatedJpegIsRejected() {
		assertProblem(TestImages.truncated(TestImages.jpeg(400, 300)), 422, "image-truncated");
	}

	@Test
	void truncatedPngIsRejected() {
		assertProblem(TestImages.truncated(TestImages.png(400, 300)), 422, "image-truncated");
	}

	@Test
	void imageOverFortyMegapixelsIsRejectedWithoutDecoding() {
		assertProblem(TestImages.pngDeclaring(8000, 6000), 422, "image-too-many-pixels");
	}

	@Test
	void headerClaimingFarFewerPixelsThanTheContentIsRejected() {
		assertProblem(TestImages.pngWithLyingSmallHeader(), 422, "image-header-mismatch");
	}

	@Test
	void zeroSizedHeaderIsRejected() {
		assertProblem(TestImages.pngDeclaring(0, 100), 422, "image-invalid");
	}

	private void assertProblem(byte[] bytes, int status, String slug) {
		assertThatThrownBy(() -> this.inspector.inspect(file(bytes))).isInstanceOfSatisfying(StagingProblem.class,
				(problem) -> {
					assertThat(problem.getStatusCode().value()).isEqualTo(status);
					assertThat(problem.getBody().getType()).hasToString("https://vstage.io/problems/" + slug);
				});
	}

	private Path file(byte[] bytes) throws IOException {
		Path file = Files.createTempFile(this.dir, "upload", ".bin");
		return Files.write(file, bytes);
	}

}
