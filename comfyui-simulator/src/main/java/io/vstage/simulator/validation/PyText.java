package io.vstage.simulator.validation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.StringJoiner;

import tools.jackson.databind.JsonNode;

/**
 * Python's {@code str()} and {@code repr()} of JSON values, for messages that match
 * ComfyUI's.
 */
final class PyText {

	private PyText() {
	}

	static String str(JsonNode value) {
		return value.isString() ? value.asString() : repr(value);
	}

	static String repr(JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return "None";
		}
		if (value.isBoolean()) {
			return value.asBoolean() ? "True" : "False";
		}
		if (value.isIntegralNumber()) {
			return value.bigIntegerValue().toString();
		}
		if (value.isNumber()) {
			return floatRepr(value.asDouble());
		}
		if (value.isString()) {
			return quote(value.asString());
		}
		if (value.isArray()) {
			StringJoiner list = new StringJoiner(", ", "[", "]");
			value.values().forEach((v) -> list.add(repr(v)));
			return list.toString();
		}
		StringJoiner dict = new StringJoiner(", ", "{", "}");
		for (Map.Entry<String, JsonNode> e : value.properties()) {
			dict.add(quote(e.getKey()) + ": " + repr(e.getValue()));
		}
		return dict.toString();
	}

	/**
	 * Python's {@code repr(float)}: shortest round-trip digits, always with a dot or
	 * exponent.
	 */
	static String floatRepr(double d) {
		if (Double.isNaN(d)) {
			return "nan";
		}
		if (Double.isInfinite(d)) {
			return (d > 0) ? "inf" : "-inf";
		}
		double abs = Math.abs(d);
		if (abs != 0 && (abs < 1e-4 || abs >= 1e16)) {
			String java = Double.toString(d).replace("E", "e");
			String[] parts = java.split("e");
			String mantissa = parts[0].endsWith(".0") ? parts[0].substring(0, parts[0].length() - 2) : parts[0];
			int exp = Integer.parseInt(parts[1]);
			return mantissa + "e" + ((exp < 0) ? "-" : "+") + String.format("%02d", Math.abs(exp));
		}
		String plain = new BigDecimal(Double.toString(d)).toPlainString();
		return plain.contains(".") ? plain : plain + ".0";
	}

	static String quote(String s) {
		boolean useDouble = s.contains("'") && !s.contains("\"");
		char q = useDouble ? '"' : '\'';
		StringBuilder sb = new StringBuilder().append(q);
		for (char c : s.toCharArray()) {
			switch (c) {
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				default -> {
					if (c == q) {
						sb.append('\\');
					}
					sb.append(c);
				}
			}
		}
		return sb.append(q).toString();
	}

	/** Python's name of a JSON value's type, as in "not 'NoneType'". */
	static String typeName(JsonNode value) {
		if (value == null || value.isNull()) {
			return "NoneType";
		}
		if (value.isArray()) {
			return "list";
		}
		if (value.isObject()) {
			return "dict";
		}
		if (value.isBoolean()) {
			return "bool";
		}
		if (value.isIntegralNumber()) {
			return "int";
		}
		return value.isNumber() ? "float" : "str";
	}

}
