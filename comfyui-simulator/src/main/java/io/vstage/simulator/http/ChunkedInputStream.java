package io.vstage.simulator.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes a chunked request body (RFC 9112 section 7.1); trailers are read and ignored.
 */
final class ChunkedInputStream extends InputStream {

	private final InputStream in;

	private long chunkLeft;

	private boolean done;

	ChunkedInputStream(InputStream in) {
		this.in = in;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return (read(one, 0, 1) == -1) ? -1 : (one[0] & 0xFF);
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (this.done) {
			return -1;
		}
		if (this.chunkLeft == 0) {
			String sizeLine = HttpCodec.readLine(this.in);
			if (sizeLine == null) {
				throw new IOException("chunked body ended early");
			}
			int semicolon = sizeLine.indexOf(';');
			this.chunkLeft = Long.parseLong(((semicolon >= 0) ? sizeLine.substring(0, semicolon) : sizeLine).trim(),
					16);
			if (this.chunkLeft == 0) {
				HttpCodec.readHeaders(this.in);
				this.done = true;
				return -1;
			}
		}
		int n = this.in.read(buffer, offset, (int) Math.min(length, this.chunkLeft));
		if (n == -1) {
			throw new IOException("chunked body ended early");
		}
		this.chunkLeft -= n;
		if (this.chunkLeft == 0) {
			HttpCodec.readLine(this.in);
		}
		return n;
	}

}
