package io.vstage.contracts.generation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A part's {@code Content-Disposition}, read strictly: {@code form-data}, one plain
 * {@code name}, an optional plain {@code filename}. Extended parameters ({@code name*=},
 * RFC 5987) and repeated parameters are refused, since two parsers may read them
 * differently.
 *
 * @param name the field name
 * @param file whether the part is a file (it has a {@code filename})
 */
record PartDisposition(String name, boolean file) {

	private static final String TOKEN_CHARS = "!#$%&'*+-.^_`|~";

	static PartDisposition parse(String header) {
		return new Parser(header).disposition();
	}

	/** Thrown when a header cannot be read one way only. */
	static final class Unreadable extends RuntimeException {

		private final Refusal refusal;

		Unreadable(Refusal refusal) {
			super(refusal.detail(), null, false, false);
			this.refusal = refusal;
		}

		Refusal refusal() {
			return this.refusal;
		}

	}

	private static final class Parser {

		private final String text;

		private int at;

		Parser(String text) {
			this.text = text;
		}

		PartDisposition disposition() {
			for (int i = 0; i < this.text.length(); i++) {
				char c = this.text.charAt(i);
				if ((c < 0x20 && c != '\t') || c == 0x7f) {
					throw new Unreadable(Refusal.badMultipart("A part's Content-Disposition has a control character"));
				}
			}
			String type = token();
			if (!type.equalsIgnoreCase("form-data")) {
				throw new Unreadable(Refusal.badMultipart("A part's Content-Disposition is not form-data"));
			}
			Map<String, String> parameters = new HashMap<>();
			skipSpaces();
			while (this.at < this.text.length()) {
				expect(';');
				skipSpaces();
				if (this.at == this.text.length()) {
					break;
				}
				String name = token().toLowerCase(Locale.ROOT);
				skipSpaces();
				expect('=');
				skipSpaces();
				String value = (peek() == '"') ? quoted() : token();
				if (name.endsWith("*")) {
					throw new Unreadable(Refusal.ambiguous(null,
							"A part uses an extended parameter (" + name + "=); send plain name= and filename="));
				}
				if (parameters.put(name, value) != null) {
					throw new Unreadable(Refusal.ambiguous(null, "A part's Content-Disposition repeats " + name));
				}
				skipSpaces();
			}
			String name = parameters.get("name");
			if (name == null || name.isEmpty()) {
				throw new Unreadable(Refusal.badMultipart("A part has no name"));
			}
			return new PartDisposition(name, parameters.containsKey("filename"));
		}

		private String token() {
			int start = this.at;
			while (this.at < this.text.length() && isTokenChar(this.text.charAt(this.at))) {
				this.at++;
			}
			if (start == this.at) {
				throw unreadable();
			}
			return this.text.substring(start, this.at);
		}

		private String quoted() {
			StringBuilder value = new StringBuilder();
			this.at++;
			while (this.at < this.text.length()) {
				char c = this.text.charAt(this.at++);
				if (c == '"') {
					return value.toString();
				}
				if (c == '\\' && this.at < this.text.length()) {
					c = this.text.charAt(this.at++);
				}
				value.append(c);
			}
			throw unreadable();
		}

		private void expect(char c) {
			if (peek() != c) {
				throw unreadable();
			}
			this.at++;
		}

		/** The next character, or -1 at the end. */
		private int peek() {
			return (this.at < this.text.length()) ? this.text.charAt(this.at) : -1;
		}

		private void skipSpaces() {
			while (this.at < this.text.length()
					&& (this.text.charAt(this.at) == ' ' || this.text.charAt(this.at) == '\t')) {
				this.at++;
			}
		}

		private Unreadable unreadable() {
			return new Unreadable(Refusal.badMultipart("A part's Content-Disposition cannot be read"));
		}

		private static boolean isTokenChar(char c) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| TOKEN_CHARS.indexOf(c) >= 0;
		}

	}

}
