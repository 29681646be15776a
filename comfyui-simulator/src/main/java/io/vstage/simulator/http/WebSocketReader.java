package io.vstage.simulator.http;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads client frames of one session until it closes, and feeds the listener. */
final class WebSocketReader {

	/** aiohttp's default limit for one client message. */
	private static final int MAX_MESSAGE = 4 * 1024 * 1024;

	private final DataInputStream in;

	private final WebSocketSession session;

	private final WebSocketListener listener;

	WebSocketReader(InputStream in, WebSocketSession session, WebSocketListener listener) {
		this.in = new DataInputStream(in);
		this.session = session;
		this.listener = listener;
	}

	void run() {
		try {
			readFrames();
		}
		catch (IOException ex) {
			// the peer went away; onClose below tells the listener
		}
		finally {
			this.session.abort();
			this.listener.onClose(this.session);
		}
	}

	private void readFrames() throws IOException {
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		int messageOpcode = 0;
		while (this.session.isOpen()) {
			int b0 = this.in.readUnsignedByte();
			int b1 = this.in.readUnsignedByte();
			boolean fin = (b0 & 0x80) != 0;
			int opcode = b0 & 0x0F;
			long length = b1 & 0x7F;
			if (length == 126) {
				length = this.in.readUnsignedShort();
			}
			else if (length == 127) {
				length = this.in.readLong();
			}
			if (length > MAX_MESSAGE) {
				this.session.close();
				return;
			}
			byte[] mask = new byte[4];
			if ((b1 & 0x80) != 0) {
				this.in.readFully(mask);
			}
			byte[] payload = new byte[(int) length];
			this.in.readFully(payload);
			for (int i = 0; i < payload.length; i++) {
				payload[i] ^= mask[i % 4];
			}
			switch (opcode) {
				case 0x8 -> {
					this.session.close();
					return;
				}
				case 0x9 -> this.session.sendPong(payload);
				case 0xA -> {
					// unsolicited pong: nothing to do
				}
				default -> {
					if (opcode != 0) {
						messageOpcode = opcode;
						message.reset();
					}
					message.write(payload);
					if (fin && messageOpcode == 0x1) {
						this.listener.onText(this.session, message.toString(StandardCharsets.UTF_8));
					}
				}
			}
		}
	}

}
