package io.vstage.gateway;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that sends its next request on the same connection as soon as it has read an
 * answer (browsers, HTTP clients with a pool) gets every answer. Reactor Netty 1.3.6
 * could park such a request until the client gave up (reactor-netty#4361, #4347): a
 * request answered from the gateway's caches completes before its exchange has
 * terminated, and the next one was buffered and never read.
 */
class KeepAliveIntegrationTests extends GatewayIntegrationSupport {

	private static final int ROUNDS = 500;

	private static final Pattern CONTENT_LENGTH = Pattern.compile("content-length: *(\\d+)");

	@Test
	void everyRequestOnOneKeepAliveConnectionIsAnswered() throws IOException {
		IssuedKey key = issueKey("user", 100_000, 100, null);
		// a proxied answer is written from the HTTP client's thread, so its exchange ends
		// a little after the client has read it; the next, answered from the caches,
		// ends at once
		byte[] proxied = request("/api/v1/staging/echo", key);
		byte[] local = request("/api/v1/me", key);
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			InputStream in = new BufferedInputStream(socket.getInputStream());
			for (int i = 0; i < ROUNDS; i++) {
				List<byte[]> requests = List.of(proxied, local, local);
				for (int r = 0; r < requests.size(); r++) {
					out.write(requests.get(r));
					out.flush();
					assertThat(readStatus(in, "round " + (i + 1) + ", request " + (r + 1))).isEqualTo(200);
				}
			}
		}
	}

	private static byte[] request(String path, IssuedKey key) {
		return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + key.secret() + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/** Reads one response with a Content-Length body; a missing answer times out. */
	private static int readStatus(InputStream in, String which) throws IOException {
		String head;
		try {
			head = readHead(in);
		}
		catch (SocketTimeoutException ex) {
			throw new AssertionError("no answer to " + which + " within 5 s", ex);
		}
		int status = Integer.parseInt(head.substring(9, 12));
		String lower = head.toLowerCase(Locale.ROOT);
		if (lower.contains("transfer-encoding: chunked")) {
			readChunks(in);
		}
		else {
			Matcher length = CONTENT_LENGTH.matcher(lower);
			int size = length.find() ? Integer.parseInt(length.group(1)) : 0;
			assertThat(in.readNBytes(size)).hasSize(size);
		}
		return status;
	}

	private static void readChunks(InputStream in) throws IOException {
		for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
			assertThat(in.readNBytes(size + 2)).hasSize(size + 2);
		}
		// the empty line after the last chunk
		assertThat(readLine(in)).isEmpty();
	}

	private static int chunkSize(InputStream in) throws IOException {
		return Integer.parseInt(readLine(in).split(";")[0].strip(), 16);
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new IOException("connection closed");
			}
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("connection closed after " + head);
			}
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		return head.toString(StandardCharsets.US_ASCII);
	}

}
