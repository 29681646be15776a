package io.vstage.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 written byte by byte on a socket, for requests that a well-behaved client
 * library would refuse to send or would tidy up: repeated headers, a
 * {@code Transfer-Encoding} of one's own, raw percent-encoding and control characters in
 * the request target, bodies whose multipart framing lies. Each request goes on its own
 * connection ({@code Connection: close}).
 */
final class RawHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final byte[] CRLF = { '\r', '\n' };

	private final String method;

	private final String target;

	private final List<String[]> headers = new ArrayList<>();

	private byte[] body;

	private boolean contentLength = true;

	private RawHttp(String method, String target) {
		this.method = method;
		this.target = target;
	}

	/** A request for a target sent exactly as given (path and raw query). */
	static RawHttp request(String method, String target) {
		return new RawHttp(method, target);
	}

	/** Adds a header; the same name may be added several times. */
	RawHttp header(String name, String value) {
		this.headers.add(new String[] { name, value });
		return this;
	}

	RawHttp key(String apiKey) {
		return header("X-API-Key", apiKey);
	}

	RawHttp body(String contentType, byte[] value) {
		if (contentType != null) {
			header("Content-Type", contentType);
		}
		this.body = value;
		return this;
	}

	RawHttp body(Multipart multipart) {
		return body(multipart.contentType(), multipart.bytes());
	}

	/** No {@code Content-Length} header is added (the caller frames the body). */
	RawHttp withoutContentLength() {
		this.contentLength = false;
		return this;
	}

	String describe() {
		return this.method + " " + this.target;
	}

	/** Sends the request to the service at baseUrl and reads the whole answer. */
	Response send(String baseUrl) {
		URI base = URI.create(baseUrl);
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
			// the first version's endpoint answers when its job has ended
			socket.setSoTimeout(120_000);
			ByteArrayOutputStream request = new ByteArrayOutputStream();
			request.write((this.method + " " + this.target + " HTTP/1.1").getBytes(StandardCharsets.UTF_8));
			request.write(CRLF);
			line(request, "Host", base.getHost() + ":" + base.getPort());
			for (String[] header : this.headers) {
				line(request, header[0], header[1]);
			}
			if (this.body != null && this.contentLength) {
				line(request, "Content-Length", String.valueOf(this.body.length));
			}
			line(request, "Connection", "close");
			request.write(CRLF);
			if (this.body != null) {
				request.write(this.body);
			}
			try {
				OutputStream out = socket.getOutputStream();
				out.write(request.toByteArray());
				out.flush();
			}
			catch (IOException ex) {
				// a server may answer and close before it has read the whole request: the
				// answer is what counts
			}
			return Response.read(describe(), socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(describe() + " to " + baseUrl, ex);
		}
	}

	private static void line(ByteArrayOutputStream request, String name, String value) throws IOException {
		request.write((name + ": " + value).getBytes(StandardCharsets.UTF_8));
		request.write(CRLF);
	}

	/**
	 * An answer: the request it answers (method and target), status, headers (names in
	 * lower case) and body as text.
	 */
	record Response(String request, int status, Map<String, List<String>> headers, String body) {

		static Response read(String request, InputStream in) throws IOException {
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			try {
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					received.write(buffer, 0, n);
				}
			}
			catch (java.net.SocketException ex) {
				// a reset after the answer (the server closed with our body unread) ends
				// it
				if (received.size() == 0) {
					throw ex;
				}
			}
			byte[] all = received.toByteArray();
			int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
			if (end < 0) {
				throw new IOException("no complete answer: " + new String(all, StandardCharsets.ISO_8859_1));
			}
			String[] head = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
			int status = Integer.parseInt(head[0].split(" ")[1]);
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (int i = 1; i < head.length; i++) {
				int colon = head[i].indexOf(':');
				headers
					.computeIfAbsent(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
							(k) -> new ArrayList<>())
					.add(head[i].substring(colon + 1).trim());
			}
			byte[] body = Arrays.copyOfRange(all, end + 4, all.length);
			if (headers.getOrDefault("transfer-encoding", List.of()).toString().contains("chunked")) {
				body = dechunk(body);
			}
			return new Response(request, status, headers, new String(body, StandardCharsets.UTF_8));
		}

		private static byte[] dechunk(byte[] chunked) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			int at = 0;
			while (at < chunked.length) {
				int lineEnd = indexOf(chunked, CRLF, at);
				if (lineEnd < 0) {
					break;
				}
				String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
				int length = Integer.parseInt(size, 16);
				if (length == 0) {
					break;
				}
				out.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
				at = lineEnd + 2 + length + 2;
			}
			return out.toByteArray();
		}

		private static int indexOf(byte[] data, byte[] pattern, int from) {
			outer: for (int i = from; i <= data.length - pattern.length; i++) {
				for (int j = 0; j < pattern.length; j++) {
					if (data[i + j] != pattern[j]) {
						continue outer;
					}
				}
				return i;
			}
			return -1;
		}

		String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values != null && !values.isEmpty()) ? values.get(0) : null;
		}

		JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (RuntimeException ex) {
				return JSON.createObjectNode();
			}
		}

		/**
		 * The slug of a problem's type ({@code https://vstage.io/problems/<slug>}), or
		 * null.
		 */
		String problem() {
			JsonNode type = json().get("type");
			if (type == null || !type.isString()) {
				return null;
			}
			String text = type.asString();
			return text.startsWith(Refusals.PROBLEM_BASE) ? text.substring(Refusals.PROBLEM_BASE.length()) : null;
		}

		@Override
		public String toString() {
			String target = (this.request.length() > 120) ? this.request.substring(0, 120) + "…" : this.request;
			return target + " → " + this.status + " " + header("content-type") + " "
					+ ((this.body.length() > 600) ? this.body.substring(0, 600) + "…" : this.body);
		}

	}

}
