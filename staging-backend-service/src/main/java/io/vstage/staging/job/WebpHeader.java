package io.vstage.staging.job;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

import io.vstage.staging.job.UploadInspector.ImageInfo;

/**
 * Reads WebP dimensions from the first chunk (VP8, VP8L or VP8X) and checks the RIFF
 * length.
 */
final class WebpHeader {

	private WebpHeader() {
	}

	static ImageInfo read(FileChannel channel, ByteBuffer head, long size) throws IOException {
		head.order(ByteOrder.LITTLE_ENDIAN);
		if (head.remaining() < 30) {
			throw UploadInspector.truncated();
		}
		long riffSize = head.getInt(4) & 0xffffffffL;
		if (riffSize + 8 > size) {
			throw UploadInspector.truncated();
		}
		String chunk = new String(new byte[] { head.get(12), head.get(13), head.get(14), head.get(15) });
		return switch (chunk) {
			case "VP8 " -> new ImageInfo(ImageFormat.WEBP, head.getShort(26) & 0x3fff, head.getShort(28) & 0x3fff);
			case "VP8L" -> {
				int bits = head.getInt(21);
				yield new ImageInfo(ImageFormat.WEBP, (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
			}
			case "VP8X" -> new ImageInfo(ImageFormat.WEBP, uint24(head, 24) + 1, uint24(head, 27) + 1);
			default -> throw UploadInspector.unprocessable("image-invalid", "The WebP file has no image chunk.");
		};
	}

	private static int uint24(ByteBuffer buffer, int offset) {
		return (buffer.get(offset) & 0xff) | (buffer.get(offset + 1) & 0xff) << 8
				| (buffer.get(offset + 2) & 0xff) << 16;
	}

}
