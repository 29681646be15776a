package io.vstage.simulator.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP/1.1 layer on a raw socket: keep-alive, chunked bodies, Expect, malformed
 * framing, limits.
 */
class MiniHttpServerTests {

	private MiniHttpServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = new MiniHttpServer("127.0.0.1", 0,
				(request) -> Reply.text(200, request.method() + " " + request.path() + " " + request.body().length),
				() -> 64);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void keepAliveServesSeveralRequestsOnOneConnection() throws IOException {
		String replies = exchange(
				"GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
		assertThat(replies).contains("GET /a 0").contains("GET /b 0");
	}

	@Test
	void chunkedBodyIsDecoded() throws IOException {
		String replies = exchange(
				"POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
						+ "5\r\nhello\r\n3;ext=1\r\nabc\r\n0\r\n\r\n");
		assertThat(replies).startsWith("HTTP/1.1 200 OK").endsWith("POST /c 8");
	}

	@Test
	void expectContinueGetsA100BeforeTheBody() throws IOException {
		String replies = exchange("POST /e HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: 100-continue\r\n"
				+ "Connection: close\r\n\r\nok");
		assertThat(replies).startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK").endsWith("POST /e 2");
	}

	@Test
	void bodyAtTheLimitIsRefusedWithAiohttps413() throws IOException {
		String replies = exchange("POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: 64\r\n\r\n" + "x".repeat(64));
		assertThat(replies).startsWith("HTTP/1.1 413 Request Entity Too Large")
			.contains("Connection: close")
			.endsWith("Maximum request body size 64 exceeded, actual body size 64");
	}

	@Test
	void nonNumericContentLengthIsA400() throws IOException {
		assertThat(exchange("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n")).startsWith("HTTP/1.1 400");
	}

	private String exchange(String raw) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.server.port())) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			return all.toString(StandardCharsets.ISO_8859_1);
		}
	}

}
