package io.vstage.gateway.jwt;

import java.util.UUID;

import reactor.core.publisher.Mono;

import io.vstage.gateway.GatewayAttributes;
import io.vstage.gateway.GatewayFilterOrder;
import io.vstage.gateway.RoutePolicy;
import io.vstage.gateway.auth.Principal;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Puts the gateway's JWT in {@code Authorization} for the route's audience: who the key
 * is, its role, and the quota reservation of a generation request. Routes without an
 * audience get no token (the client's {@code Authorization} was already removed).
 */
@Component
class InternalJwtFilter implements GlobalFilter, Ordered {

	private final InternalTokenMinter minter;

	InternalJwtFilter(InternalTokenMinter minter) {
		this.minter = minter;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		String audience = RoutePolicy.of(exchange).audience();
		Principal principal = exchange.getAttribute(GatewayAttributes.PRINCIPAL);
		if (audience == null || principal == null) {
			return chain.filter(exchange);
		}
		UUID reservation = exchange.getAttribute(GatewayAttributes.RESERVATION_ID);
		String token = this.minter.mint(principal.keyId(), principal.role().wireName(), principal.email(),
				principal.name(), audience, reservation);
		ServerHttpRequest request = exchange.getRequest().mutate().headers((h) -> h.setBearerAuth(token)).build();
		return chain.filter(exchange.mutate().request(request).build());
	}

	@Override
	public int getOrder() {
		return GatewayFilterOrder.INTERNAL_JWT;
	}

}
