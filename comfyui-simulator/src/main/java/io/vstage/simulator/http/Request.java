package io.vstage.simulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One parsed HTTP request.
 *
 * @param method the request method, upper case
 * @param path the decoded path without the query
 * @param query decoded query parameters in order of appearance
 * @param headers request headers, names compared case-insensitively
 * @param body the request body (empty when none)
 */
public record Request(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
		byte[] body) {

	static Request parse(String method, String target, Map<String, String> headers, byte[] body) {
		int q = target.indexOf('?');
		String rawPath = (q >= 0) ? target.substring(0, q) : target;
		Map<String, List<String>> query = new LinkedHashMap<>();
		if (q >= 0) {
			for (String pair : target.substring(q + 1).split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int eq = pair.indexOf('=');
				String name = decode((eq >= 0) ? pair.substring(0, eq) : pair);
				String value = (eq >= 0) ? decode(pair.substring(eq + 1)) : "";
				query.computeIfAbsent(name, (k) -> new ArrayList<>()).add(value);
			}
		}
		String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
		return new Request(method, path, query, headers, body);
	}

	static Map<String, String> newHeaders() {
		return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
	}

	private static String decode(String s) {
		return URLDecoder.decode(s, StandardCharsets.UTF_8);
	}

	/** The first value of a query parameter. */
	public Optional<String> param(String name) {
		List<String> values = this.query.get(name);
		return (values == null || values.isEmpty()) ? Optional.empty() : Optional.of(values.get(0));
	}

	/** A request header. */
	public Optional<String> header(String name) {
		return Optional.ofNullable(this.headers.get(name));
	}

}
