package io.vstage.simulator.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;

/** Reading and writing HTTP/1.1 messages on a byte stream. */
final class HttpCodec {

	private static final int MAX_LINE = 65536;

	/**
	 * Bytes of an oversize body that are read and thrown away so that the client sees the
	 * 413.
	 */
	private static final long MAX_DRAIN = 256L * 1024 * 1024;

	private HttpCodec() {
	}

	/**
	 * A request body, or the 413 reply that replaces it.
	 *
	 * @param bytes the body
	 * @param tooLarge the reply when the body reached the limit, else null
	 */
	record Body(byte[] bytes, Reply.Http tooLarge) {
	}

	static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
			}
			if (line.size() >= MAX_LINE) {
				throw new IOException("header line too long");
			}
			line.write(b);
		}
		return (line.size() > 0) ? line.toString(StandardCharsets.ISO_8859_1) : null;
	}

	static Map<String, String> readHeaders(InputStream in) throws IOException {
		Map<String, String> headers = Request.newHeaders();
		String line;
		while ((line = readLine(in)) != null && !line.isEmpty()) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				String name = line.substring(0, colon).trim();
				String value = new String(line.substring(colon + 1).trim().getBytes(StandardCharsets.ISO_8859_1),
						StandardCharsets.UTF_8);
				headers.merge(name, value, (a, b) -> a + ", " + b);
			}
		}
		return headers;
	}

	static Body readBody(InputStream in, OutputStream out, Map<String, String> headers, long limit) throws IOException {
		boolean chunked = headers.getOrDefault("Transfer-Encoding", "").toLowerCase().contains("chunked");
		long declared = chunked ? -1 : Long.parseLong(headers.getOrDefault("Content-Length", "0").trim());
		if (!chunked && declared == 0) {
			return new Body(new byte[0], null);
		}
		if ("100-continue".equalsIgnoreCase(headers.getOrDefault("Expect", ""))) {
			out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
		}
		InputStream source = chunked ? new ChunkedInputStream(in) : new BoundedInputStream(in, declared);
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] buffer = new byte[65536];
		int n;
		while ((n = source.read(buffer)) != -1) {
			body.write(buffer, 0, n);
			// aiohttp compares with >=: a body of exactly the limit is refused as well
			if (limit > 0 && body.size() >= limit) {
				long actual = body.size();
				source.skipNBytes(Math.min(MAX_DRAIN, Math.max(0, declared - actual)));
				Reply.Http reply = Reply.text(413,
						"Maximum request body size " + limit + " exceeded, actual body size " + actual);
				return new Body(null,
						new Reply.Http(413, reply.headers(), reply.body(), true).with("Connection", "close"));
			}
		}
		return new Body(body.toByteArray(), null);
	}

	static void write(OutputStream out, Reply.Http reply, boolean head) throws IOException {
		StringBuilder sb = new StringBuilder(256);
		sb.append("HTTP/1.1 ").append(reply.status()).append(' ').append(reason(reply.status())).append("\r\n");
		reply.headers().forEach((name, value) -> sb.append(name).append(": ").append(value).append("\r\n"));
		sb.append("Content-Length: ").append(reply.body().length).append("\r\n");
		sb.append("Date: ")
			.append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
			.append("\r\n");
		sb.append("Server: Python/3.12 aiohttp/3.11.18\r\n\r\n");
		out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
		if (!head) {
			out.write(reply.body());
		}
		out.flush();
	}

	static String acceptKey(String key) {
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			byte[] digest = sha1
				.digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-1", ex);
		}
	}

	private static String reason(int status) {
		return switch (status) {
			case 200 -> "OK";
			case 206 -> "Partial Content";
			case 304 -> "Not Modified";
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 405 -> "Method Not Allowed";
			case 413 -> "Request Entity Too Large";
			case 500 -> "Internal Server Error";
			default -> "Status " + status;
		};
	}

}
