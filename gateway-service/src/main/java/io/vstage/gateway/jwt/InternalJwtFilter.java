package io.vstage.gateway.jwt;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.vstage.contracts.access.Role;
import io.vstage.contracts.token.Identity;
import io.vstage.contracts.token.InternalToken;
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
 * is, its role, who issued it, and the quota reservation of a generation request with its
 * units. Routes without an audience get no token (the client's {@code Authorization} was
 * already removed).
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
		String token = this.minter.mint(identity(principal), audience, reservation(exchange));
		ServerHttpRequest request = exchange.getRequest().mutate().headers((h) -> h.setBearerAuth(token)).build();
		return chain.filter(exchange.mutate().request(request).build());
	}

	private static Identity identity(Principal principal) {
		Role role = Role.fromClaim(principal.role().wireName()).orElseThrow();
		return new Identity(principal.keyId(), role, principal.email(), principal.name(), principal.issuedBy());
	}

	private static InternalToken.@Nullable Reservation reservation(ServerWebExchange exchange) {
		UUID id = exchange.getAttribute(GatewayAttributes.RESERVATION_ID);
		Integer units = exchange.getAttribute(GatewayAttributes.RESERVED_UNITS);
		return (id != null && units != null) ? new InternalToken.Reservation(id, units) : null;
	}

	@Override
	public int getOrder() {
		return GatewayFilterOrder.INTERNAL_JWT;
	}

}
