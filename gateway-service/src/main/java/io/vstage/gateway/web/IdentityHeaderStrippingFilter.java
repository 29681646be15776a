package io.vstage.gateway.web;

import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;

import io.vstage.gateway.GatewayFilterOrder;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Removes identity and internal headers that a client may send to impersonate someone:
 * the services trust only the gateway's JWT, and the gateway adds its own forwarding
 * headers. The credentials themselves ({@code X-API-Key}, {@code Authorization}) are
 * consumed and removed by the authentication filter.
 */
@Component
class IdentityHeaderStrippingFilter implements GlobalFilter, Ordered {

	private static final List<String> PREFIXES = List.of("x-key-", "x-user-", "x-forwarded-", "x-internal-", "x-auth-",
			"x-principal-", "x-vstage-", "x-api-key-", "x-role", "x-quota-", "x-reservation-");

	private static final List<String> NAMES = List.of("forwarded", "x-real-ip", "x-client-ip",
			"x-original-forwarded-for", "true-client-ip", "cf-connecting-ip", "x-email", "x-key", "x-user", "x-tenant");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		List<String> doomed = headers.headerNames()
			.stream()
			.filter(IdentityHeaderStrippingFilter::isIdentityHeader)
			.toList();
		if (doomed.isEmpty()) {
			return chain.filter(exchange);
		}
		ServerHttpRequest request = exchange.getRequest().mutate().headers((h) -> doomed.forEach(h::remove)).build();
		return chain.filter(exchange.mutate().request(request).build());
	}

	static boolean isIdentityHeader(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return NAMES.contains(lower) || PREFIXES.stream().anyMatch(lower::startsWith);
	}

	@Override
	public int getOrder() {
		return GatewayFilterOrder.STRIP_IDENTITY_HEADERS;
	}

}
