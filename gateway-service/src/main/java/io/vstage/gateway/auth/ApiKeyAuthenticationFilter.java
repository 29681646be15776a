package io.vstage.gateway.auth;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.vstage.contracts.problem.ProblemTypes;
import io.vstage.gateway.GatewayAttributes;
import io.vstage.gateway.GatewayFilterOrder;
import io.vstage.gateway.RoutePolicy;
import io.vstage.gateway.auth.Authentication.Authenticated;
import io.vstage.gateway.auth.Authentication.Refused;
import io.vstage.gateway.auth.Authentication.Unavailable;
import io.vstage.gateway.ratelimit.FailedAuthenticationLimiter;
import io.vstage.gateway.web.ProblemResponder;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Takes the API key from {@code X-API-Key} or {@code Authorization: Bearer} (never the
 * query string), removes both headers from the forwarded request, and rejects requests to
 * keyed routes without a valid key. A valid key always passes; refused keys are limited
 * per client address ({@link FailedAuthenticationLimiter}).
 */
@Component
class ApiKeyAuthenticationFilter implements GlobalFilter, Ordered {

	static final String API_KEY_HEADER = "X-API-Key";

	private static final String BEARER = "Bearer ";

	private final KeyAuthenticator authenticator;

	private final FailedAuthenticationLimiter failures;

	private final ProblemResponder problems;

	ApiKeyAuthenticationFilter(KeyAuthenticator authenticator, FailedAuthenticationLimiter failures,
			ProblemResponder problems) {
		this.authenticator = authenticator;
		this.failures = failures;
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		String key = presentedKey(exchange.getRequest().getHeaders());
		ServerHttpRequest request = exchange.getRequest().mutate().headers((headers) -> {
			headers.remove(API_KEY_HEADER);
			headers.remove(HttpHeaders.AUTHORIZATION);
		}).build();
		ServerWebExchange stripped = exchange.mutate().request(request).build();
		if (RoutePolicy.of(exchange).role() == null) {
			return chain.filter(stripped);
		}
		if (presentsSeveralKeys(exchange.getRequest().getHeaders())) {
			// which one counts would depend on who reads it: none does
			return this.problems.reject(stripped, HttpStatus.BAD_REQUEST, ProblemTypes.AMBIGUOUS_REQUEST,
					"Send one API key, in one X-API-Key header or one Authorization: Bearer header");
		}
		if (key == null) {
			String detail = exchange.getRequest()
				.getQueryParams()
				.keySet()
				.stream()
				.anyMatch(this::looksLikeKeyParameter)
						? "API keys are not accepted in the query string; send the X-API-Key header"
						: "Missing API key: send the X-API-Key header or Authorization: Bearer <key>";
			return this.problems.reject(stripped, HttpStatus.UNAUTHORIZED, "unauthenticated", detail);
		}
		return this.authenticator.authenticate(new PresentedKey(key)).flatMap((result) -> switch (result) {
			case Authenticated(Principal principal) -> {
				stripped.getAttributes().put(GatewayAttributes.PRINCIPAL, principal);
				yield chain.filter(stripped);
			}
			case Refused(String outcome) -> this.failures.refuse(stripped, () -> unauthorized(stripped, outcome));
			case Unavailable() ->
				this.problems.reject(stripped, HttpStatus.SERVICE_UNAVAILABLE, "key-manager-unavailable",
						"API keys cannot be checked right now; retry shortly", Map.of("retry_after_seconds", 5));
		});
	}

	private Mono<Void> unauthorized(ServerWebExchange exchange, String outcome) {
		return switch (outcome) {
			case "revoked" -> this.problems.reject(exchange, HttpStatus.UNAUTHORIZED, "api-key-revoked",
					"This API key has been revoked");
			case "expired" ->
				this.problems.reject(exchange, HttpStatus.UNAUTHORIZED, "api-key-expired", "This API key has expired");
			case "malformed" -> this.problems.reject(exchange, HttpStatus.UNAUTHORIZED, "malformed-api-key",
					"This is not an API key (wrong shape or checksum)");
			default -> this.problems.reject(exchange, HttpStatus.UNAUTHORIZED, "invalid-api-key", "Unknown API key");
		};
	}

	private boolean looksLikeKeyParameter(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.equals("api_key") || lower.equals("apikey") || lower.equals("key") || lower.equals("x-api-key");
	}

	/** Two key headers, or both kinds of header with keys that differ. */
	static boolean presentsSeveralKeys(HttpHeaders headers) {
		List<String> keys = headers.getValuesAsList(API_KEY_HEADER);
		List<String> authorizations = headers.getOrEmpty(HttpHeaders.AUTHORIZATION);
		if (keys.size() > 1 || authorizations.size() > 1) {
			return true;
		}
		String bearer = (authorizations.size() == 1
				&& authorizations.get(0).regionMatches(true, 0, BEARER, 0, BEARER.length()))
						? authorizations.get(0).substring(BEARER.length()).strip() : null;
		return keys.size() == 1 && bearer != null && !bearer.isEmpty() && !bearer.equals(keys.get(0).strip());
	}

	static @Nullable String presentedKey(HttpHeaders headers) {
		String key = headers.getFirst(API_KEY_HEADER);
		if (key != null && !key.isBlank()) {
			return key.strip();
		}
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			String bearer = authorization.substring(BEARER.length()).strip();
			return bearer.isEmpty() ? null : bearer;
		}
		return null;
	}

	@Override
	public int getOrder() {
		return GatewayFilterOrder.API_KEY_AUTHENTICATION;
	}

}
