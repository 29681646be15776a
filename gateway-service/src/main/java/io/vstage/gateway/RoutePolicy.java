package io.vstage.gateway;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a route asks of the filters, read from its metadata in {@code application.yml}.
 *
 * @param role the least role allowed, or {@code null} when the route needs no key
 * @param rateLimit whose bucket pays for a request
 * @param generation whether requests reserve daily quota units
 * @param audience the {@code aud} of the internal JWT, or {@code null} to send none
 * @param jsonBody whether the route takes only {@code application/json} bodies (metadata
 * {@code body: json})
 */
public record RoutePolicy(@Nullable Role role, RateLimitMode rateLimit, boolean generation, @Nullable String audience,
		boolean jsonBody) {

	/** The policy of requests that matched no vstage route metadata: open, unlimited. */
	public static final RoutePolicy OPEN = new RoutePolicy(null, RateLimitMode.OFF, false, null, false);

	/** Whose bucket pays for a request. */
	public enum RateLimitMode {

		/** The API key's bucket (its requests per minute). */
		KEY,

		/** The client address's bucket (routes that take a key from the body). */
		ADDRESS,

		/** No bucket. */
		OFF

	}

	// parsed once per route; a refreshed route table brings new metadata maps, which are
	// parsed again
	private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();

	/** The policy of the route the exchange matched. */
	public static RoutePolicy of(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route == null) {
			return OPEN;
		}
		Parsed parsed = PARSED.get(route.getId());
		if (parsed == null || parsed.metadata() != route.getMetadata()) {
			parsed = new Parsed(route.getMetadata(), fromMetadata(route.getMetadata()));
			PARSED.put(route.getId(), parsed);
		}
		return parsed.policy();
	}

	private record Parsed(Map<String, Object> metadata, RoutePolicy policy) {
	}

	/** Reads a route's metadata; keys absent mean: no role, no JWT, not generation. */
	public static RoutePolicy fromMetadata(Map<String, Object> metadata) {
		Object roleValue = metadata.get("role");
		Role role = (roleValue == null || "none".equals(roleValue)) ? null : Role.fromWireName(roleValue.toString());
		Object limit = metadata.get("rate-limit");
		RateLimitMode mode = (limit != null) ? RateLimitMode.valueOf(limit.toString().toUpperCase(Locale.ROOT))
				: ((role != null) ? RateLimitMode.KEY : RateLimitMode.OFF);
		boolean generation = Boolean.parseBoolean(String.valueOf(metadata.get("generation")));
		Object audience = metadata.get("audience");
		boolean jsonBody = "json".equals(metadata.get("body"));
		return new RoutePolicy(role, mode, generation, (audience != null) ? audience.toString() : null, jsonBody);
	}

}
