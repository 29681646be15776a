package io.vstage.simulator.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed {@code multipart/form-data} body. */
public final class Multipart {

	private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"([^\"]*)\"|[^;\\s]+)");

	private static final Pattern PARAM = Pattern.compile(";\\s*(name|filename)=(\"((?:[^\"\\\\]|\\\\.)*)\"|[^;\\s]*)");

	private final List<Part> parts;

	private Multipart(List<Part> parts) {
		this.parts = parts;
	}

	/**
	 * One form field.
	 *
	 * @param name the field name
	 * @param filename the file name when the part is a file (aiohttp treats an empty one
	 * as a text field), else empty
	 * @param content the raw bytes
	 */
	public record Part(String name, Optional<String> filename, byte[] content) {

		/** The content as UTF-8 text. */
		public String text() {
			return new String(this.content, StandardCharsets.UTF_8);
		}

	}

	/** Parses the request body; a body that is not multipart gives an empty form. */
	public static Multipart parse(Request request) throws IOException {
		String contentType = request.header("Content-Type").orElse("");
		Matcher m = BOUNDARY.matcher(contentType);
		if (!contentType.toLowerCase().startsWith("multipart/") || !m.find()) {
			return new Multipart(List.of());
		}
		String boundary = (m.group(2) != null) ? m.group(2) : m.group(1);
		byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		byte[] body = request.body();
		List<Part> parts = new ArrayList<>();
		int start = indexOf(body, delimiter, 0);
		while (start >= 0) {
			int headerStart = start + delimiter.length;
			if (headerStart + 2 <= body.length && body[headerStart] == '-' && body[headerStart + 1] == '-') {
				break;
			}
			int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headerStart);
			if (next < 0) {
				throw new IOException("unterminated multipart body");
			}
			parts.add(part(Arrays.copyOfRange(body, headerStart, next)));
			start = next + 2;
		}
		return new Multipart(parts);
	}

	private static Part part(byte[] raw) throws IOException {
		ByteArrayInputStream in = new ByteArrayInputStream(raw);
		HttpCodec.readLine(in);
		Map<String, String> headers = HttpCodec.readHeaders(in);
		byte[] content = in.readAllBytes();
		String disposition = headers.getOrDefault("Content-Disposition", "");
		String name = "";
		String filename = null;
		Matcher m = PARAM.matcher(disposition);
		while (m.find()) {
			String value = (m.group(3) != null) ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(2);
			if ("name".equals(m.group(1))) {
				name = value;
			}
			else {
				filename = value;
			}
		}
		return new Part(name, Optional.ofNullable(filename).filter((f) -> !f.isEmpty()), content);
	}

	private static int indexOf(byte[] haystack, byte[] needle, int from) {
		outer: for (int i = from; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** The first part with this name. */
	public Optional<Part> get(String name) {
		return this.parts.stream().filter((p) -> p.name().equals(name)).findFirst();
	}

	/** The text of the first part with this name. */
	public Optional<String> text(String name) {
		return get(name).map(Part::text);
	}

}
