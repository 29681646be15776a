package io.vstage.gateway.auth;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vstage.gateway.Exchanges;
import io.vstage.gateway.Exchanges.CapturingChain;
import io.vstage.gateway.GatewayAttributes;
import io.vstage.gateway.Role;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class RoleFilterTests {

	private final RoleFilter filter = new RoleFilter(Exchanges.problems());

	@Test
	void userOnAnAdminRouteIsForbidden() {
		MockServerWebExchange exchange = exchange("admin", Role.USER);
		CapturingChain chain = new CapturingChain();
		this.filter.filter(exchange, chain).block();
		assertThat(chain.called()).isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("problems/forbidden");
	}

	@Test
	void adminOnTheAuditRouteIsForbiddenButSuperadminPasses() {
		MockServerWebExchange admin = exchange("superadmin", Role.ADMIN);
		this.filter.filter(admin, new CapturingChain()).block();
		assertThat(admin.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		CapturingChain chain = new CapturingChain();
		this.filter.filter(exchange("superadmin", Role.SUPERADMIN), chain).block();
		assertThat(chain.called()).isTrue();
	}

	@Test
	void higherRolesIncludeLowerOnes() {
		CapturingChain chain = new CapturingChain();
		this.filter.filter(exchange("user", Role.ADMIN), chain).block();
		assertThat(chain.called()).isTrue();
	}

	private static MockServerWebExchange exchange(String routeRole, Role keyRole) {
		MockServerWebExchange exchange = Exchanges.routed(MockServerHttpRequest.get("/api/v1/keys"),
				Map.of("role", routeRole));
		exchange.getAttributes()
			.put(GatewayAttributes.PRINCIPAL, new Principal("k", keyRole, null, null, 60, 10, 10, null, null, null));
		return exchange;
	}

}
