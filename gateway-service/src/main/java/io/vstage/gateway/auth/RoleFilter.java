package io.vstage.gateway.auth;

import java.util.Map;

import reactor.core.publisher.Mono;

import io.vstage.gateway.GatewayAttributes;
import io.vstage.gateway.GatewayFilterOrder;
import io.vstage.gateway.Role;
import io.vstage.gateway.RoutePolicy;
import io.vstage.gateway.web.ProblemResponder;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Refuses principals whose role is below the route's (DESIGN.md section 4); the services
 * check again with the JWT's role.
 */
@Component
class RoleFilter implements GlobalFilter, Ordered {

	private final ProblemResponder problems;

	RoleFilter(ProblemResponder problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Role required = RoutePolicy.of(exchange).role();
		if (required == null) {
			return chain.filter(exchange);
		}
		Principal principal = exchange.getAttribute(GatewayAttributes.PRINCIPAL);
		if (principal == null) {
			// the authentication filter answers before this one when a keyed route has no
			// principal
			return this.problems.reject(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Missing API key");
		}
		if (!principal.role().includes(required)) {
			return this.problems.reject(exchange, HttpStatus.FORBIDDEN, "forbidden",
					"This route needs the role " + required.wireName() + "; the key has " + principal.role().wireName(),
					Map.of("required_role", required.wireName(), "role", principal.role().wireName()));
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return GatewayFilterOrder.ROLE;
	}

}
