package io.vstage.staging.job;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.springframework.http.HttpStatus;

import io.vstage.staging.StagingProblem;

/**
 * Checks an upload by its bytes: format (magic bytes), declared dimensions read from the
 * header without decoding the image, and completeness (the format's end marker).
 */
class UploadInspector {

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final byte[] PNG_IEND = { 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82 };

	private final long maxPixels;

	UploadInspector(int maxMegapixels) {
		this.maxPixels = maxMegapixels * 1_000_000L;
	}

	ImageInfo inspect(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			long size = channel.size();
			ByteBuffer head = read(channel, 0, (int) Math.min(size, 64));
			ImageInfo info = switch (formatOf(head)) {
				case JPEG -> new JpegHeader(channel).read();
				case PNG -> png(channel, head, size);
				case WEBP -> WebpHeader.read(channel, head, size);
			};
			return checked(info, size);
		}
	}

	private ImageInfo checked(ImageInfo info, long size) {
		if (info.width() <= 0 || info.height() <= 0) {
			throw unprocessable("image-invalid", "The image header declares no size.");
		}
		long pixels = (long) info.width() * info.height();
		if (pixels > this.maxPixels) {
			throw unprocessable("image-too-many-pixels", "The image has " + info.width() + "x" + info.height()
					+ " pixels; at most " + this.maxPixels / 1_000_000 + " megapixels are accepted.");
		}
		// more bytes than any encoding of that many pixels needs: the header lies about
		// the size
		if (size > pixels * 8 + 256 * 1024) {
			throw unprocessable("image-header-mismatch", "The image header declares " + info.width() + "x"
					+ info.height() + " pixels, which does not match " + size + " bytes of content.");
		}
		return info;
	}

	private static ImageFormat formatOf(ByteBuffer head) {
		if (head.remaining() >= 3 && (head.get(0) & 0xff) == 0xff && (head.get(1) & 0xff) == 0xd8
				&& (head.get(2) & 0xff) == 0xff) {
			return ImageFormat.JPEG;
		}
		if (startsWith(head, 0, PNG_MAGIC)) {
			return ImageFormat.PNG;
		}
		if (startsWith(head, 0, "RIFF".getBytes()) && startsWith(head, 8, "WEBP".getBytes())) {
			return ImageFormat.WEBP;
		}
		throw new StagingProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-image",
				"Only JPEG, PNG and WebP images are accepted (judged by the file's content).");
	}

	private static ImageInfo png(FileChannel channel, ByteBuffer head, long size) throws IOException {
		if (head.remaining() < 24 || size < 45) {
			throw truncated();
		}
		ByteBuffer tail = read(channel, size - 8, 8);
		if (!startsWith(tail, 0, PNG_IEND)) {
			throw truncated();
		}
		head.order(ByteOrder.BIG_ENDIAN);
		return new ImageInfo(ImageFormat.PNG, head.getInt(16), head.getInt(20));
	}

	static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(length);
		while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
			// keep reading until full or end of file
		}
		return buffer.flip();
	}

	static boolean startsWith(ByteBuffer buffer, int offset, byte[] prefix) {
		if (buffer.remaining() < offset + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (buffer.get(offset + i) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	static StagingProblem truncated() {
		return unprocessable("image-truncated", "The image is incomplete (truncated).");
	}

	static StagingProblem unprocessable(String slug, String detail) {
		return new StagingProblem(HttpStatus.UNPROCESSABLE_CONTENT, slug, detail);
	}

	/** What the header says. */
	record ImageInfo(ImageFormat format, int width, int height) {
	}

}
