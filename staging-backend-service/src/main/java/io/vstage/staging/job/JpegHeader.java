package io.vstage.staging.job;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import io.vstage.staging.job.UploadInspector.ImageInfo;

/**
 * Walks JPEG marker segments to the frame header (SOFn) and checks the end-of-image
 * marker.
 */
class JpegHeader {

	private final FileChannel channel;

	JpegHeader(FileChannel channel) {
		this.channel = channel;
	}

	ImageInfo read() throws IOException {
		long size = this.channel.size();
		if (!endsWithEoi(size)) {
			throw UploadInspector.truncated();
		}
		long position = 2;
		while (position + 4 <= size) {
			ByteBuffer marker = UploadInspector.read(this.channel, position, 4);
			if ((marker.get(0) & 0xff) != 0xff) {
				throw UploadInspector.unprocessable("image-invalid", "The JPEG structure is damaged.");
			}
			int code = marker.get(1) & 0xff;
			if (code == 0xff) {
				position++;
				continue;
			}
			int length = marker.getShort(2) & 0xffff;
			if (isFrameHeader(code)) {
				ByteBuffer frame = UploadInspector.read(this.channel, position + 5, 4);
				if (frame.remaining() < 4) {
					throw UploadInspector.truncated();
				}
				return new ImageInfo(ImageFormat.JPEG, frame.getShort(2) & 0xffff, frame.getShort(0) & 0xffff);
			}
			if (code == 0xd9 || code == 0xda) {
				break;
			}
			position += 2 + length;
		}
		throw UploadInspector.truncated();
	}

	private boolean endsWithEoi(long size) throws IOException {
		// some cameras append padding after EOI; look at the last few bytes
		int window = (int) Math.min(size, 64);
		ByteBuffer tail = UploadInspector.read(this.channel, size - window, window);
		for (int i = tail.remaining() - 2; i >= 0; i--) {
			if ((tail.get(i) & 0xff) == 0xff && (tail.get(i + 1) & 0xff) == 0xd9) {
				return true;
			}
		}
		return false;
	}

	private static boolean isFrameHeader(int code) {
		return code >= 0xc0 && code <= 0xcf && code != 0xc4 && code != 0xc8 && code != 0xcc;
	}

}
