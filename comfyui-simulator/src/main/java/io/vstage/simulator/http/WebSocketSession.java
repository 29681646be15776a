package io.vstage.simulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The server side of one WebSocket connection; sending is thread-safe and never throws.
 */
public final class WebSocketSession {

	private final Socket socket;

	private final OutputStream out;

	private final Map<String, String> query;

	private final Map<String, Object> attributes = new ConcurrentHashMap<>();

	private final ReentrantLock lock = new ReentrantLock();

	private volatile boolean open = true;

	WebSocketSession(Socket socket, OutputStream out, Map<String, String> query) {
		this.socket = socket;
		this.out = out;
		this.query = query;
	}

	/** Query parameters of the upgrade request (first value of each). */
	public Map<String, String> query() {
		return this.query;
	}

	/** Per-session state kept by the listener. */
	public Map<String, Object> attributes() {
		return this.attributes;
	}

	/** Whether the connection is still usable. */
	public boolean isOpen() {
		return this.open && !this.socket.isClosed();
	}

	/** Sends a text frame; a broken connection just closes the session. */
	public void sendText(String text) {
		send(0x1, text.getBytes(StandardCharsets.UTF_8));
	}

	/** Sends a binary frame. */
	public void sendBinary(byte[] data) {
		send(0x2, data);
	}

	void sendPong(byte[] payload) {
		send(0xA, payload);
	}

	/** Sends a close frame and closes the connection. */
	public void close() {
		send(0x8, new byte[] { 0x03, (byte) 0xE8 });
		abort();
	}

	/** Drops the TCP connection without a close frame, as a crashed network would. */
	public void abort() {
		this.open = false;
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// already gone: nothing left to release
		}
	}

	private void send(int opcode, byte[] payload) {
		if (!this.open) {
			return;
		}
		this.lock.lock();
		try {
			this.out.write(frameHeader(opcode, payload.length));
			this.out.write(payload);
			this.out.flush();
		}
		catch (IOException ex) {
			abort();
		}
		finally {
			this.lock.unlock();
		}
	}

	private static byte[] frameHeader(int opcode, int length) {
		if (length < 126) {
			return new byte[] { (byte) (0x80 | opcode), (byte) length };
		}
		if (length < 65536) {
			return new byte[] { (byte) (0x80 | opcode), 126, (byte) (length >>> 8), (byte) length };
		}
		byte[] header = new byte[10];
		header[0] = (byte) (0x80 | opcode);
		header[1] = 127;
		for (int i = 0; i < 8; i++) {
			header[9 - i] = (byte) (((long) length) >>> (8 * i));
		}
		return header;
	}

}
