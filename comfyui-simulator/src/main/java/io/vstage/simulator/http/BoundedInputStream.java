package io.vstage.simulator.http;

import java.io.IOException;
import java.io.InputStream;

/** Reads exactly the Content-Length bytes of a body from a kept-alive connection. */
final class BoundedInputStream extends InputStream {

	private final InputStream in;

	private long remaining;

	BoundedInputStream(InputStream in, long length) {
		this.in = in;
		this.remaining = length;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return (read(one, 0, 1) == -1) ? -1 : (one[0] & 0xFF);
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (this.remaining <= 0) {
			return -1;
		}
		int n = this.in.read(buffer, offset, (int) Math.min(length, this.remaining));
		if (n == -1) {
			throw new IOException("body ended early");
		}
		this.remaining -= n;
		return n;
	}

}
