package io.vstage.simulator.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Python's {@code int()}, {@code float()}, {@code str()} and {@code bool()} on JSON
 * values.
 */
final class Coercion {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final Pattern PY_INT = Pattern.compile("[+-]?\\d+(_\\d+)*");

	private static final Pattern PY_FLOAT = Pattern.compile(
			"[+-]?((\\d+(_\\d+)*)?\\.?\\d+(_\\d+)*([eE][+-]?\\d+)?|\\d+\\.|inf(inity)?|nan)", Pattern.CASE_INSENSITIVE);

	private Coercion() {
	}

	/** Converts for an INT/FLOAT/STRING/BOOLEAN input; other types pass unchanged. */
	static JsonNode coerce(String type, JsonNode value) {
		return switch (type) {
			case "INT" -> toInt(value);
			case "FLOAT" -> toFloat(value);
			case "STRING" -> NODES.stringNode(PyText.str(value));
			case "BOOLEAN" -> NODES.booleanNode(truthy(value));
			default -> value;
		};
	}

	private static JsonNode toInt(JsonNode value) {
		if (value.isIntegralNumber()) {
			return value;
		}
		if (value.isBoolean()) {
			return NODES.numberNode(value.asBoolean() ? 1 : 0);
		}
		if (value.isNumber()) {
			double d = value.asDouble();
			if (Double.isNaN(d) || Double.isInfinite(d)) {
				throw new PyException("ValueError", "cannot convert float " + PyText.floatRepr(d) + " to integer");
			}
			return NODES.numberNode(new BigDecimal(d).toBigInteger());
		}
		if (value.isString()) {
			String s = value.asString().strip();
			if (PY_INT.matcher(s).matches()) {
				return NODES.numberNode(new BigInteger(s.replace("_", "")));
			}
			throw new PyException("ValueError",
					"invalid literal for int() with base 10: " + PyText.quote(value.asString()));
		}
		throw new PyException("TypeError", "int() argument must be a string, a bytes-like object or a real number, not "
				+ PyText.quote(PyText.typeName(value)));
	}

	private static JsonNode toFloat(JsonNode value) {
		if (value.isNumber()) {
			return NODES.numberNode(value.asDouble());
		}
		if (value.isBoolean()) {
			return NODES.numberNode(value.asBoolean() ? 1.0 : 0.0);
		}
		if (value.isString()) {
			String s = value.asString().strip();
			if (PY_FLOAT.matcher(s).matches()) {
				String lower = s.toLowerCase().replace("_", "");
				if (lower.contains("inf")) {
					return NODES
						.numberNode(lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
				}
				return NODES.numberNode(lower.contains("nan") ? Double.NaN : Double.parseDouble(lower));
			}
			throw new PyException("ValueError", "could not convert string to float: " + PyText.quote(value.asString()));
		}
		throw new PyException("TypeError",
				"float() argument must be a string or a real number, not " + PyText.quote(PyText.typeName(value)));
	}

	private static boolean truthy(JsonNode value) {
		if (value.isNull()) {
			return false;
		}
		if (value.isBoolean()) {
			return value.asBoolean();
		}
		if (value.isNumber()) {
			return value.decimalValue().signum() != 0;
		}
		if (value.isString()) {
			return !value.asString().isEmpty();
		}
		return !value.isEmpty();
	}

	/** Compares two numeric nodes like Python does (ints and floats mixed). */
	static int compare(JsonNode a, JsonNode b) {
		if (a.isIntegralNumber() && b.isIntegralNumber()) {
			return a.bigIntegerValue().compareTo(b.bigIntegerValue());
		}
		double x = a.asDouble();
		double y = b.asDouble();
		if (Double.isNaN(x) || Double.isNaN(y)) {
			// every comparison with NaN is false in Python, so NaN passes both range
			// checks
			return 0;
		}
		if (Double.isInfinite(x) || Double.isInfinite(y)) {
			return Double.compare(x, y);
		}
		return a.decimalValue().compareTo(b.decimalValue());
	}

}
