package io.vstage.gateway.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vstage.gateway.Exchanges;
import io.vstage.gateway.Exchanges.CapturingChain;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityHeaderStrippingFilterTests {

	private final IdentityHeaderStrippingFilter filter = new IdentityHeaderStrippingFilter();

	@Test
	void removesSpoofedIdentityAndForwardingHeaders() {
		CapturingChain chain = new CapturingChain();
		this.filter.filter(Exchanges.routed(MockServerHttpRequest.get("/api/v1/staging/jobs")
			.header("X-Key-Id", "someone-else")
			.header("X-User-Role", "superadmin")
			.header("X-Forwarded-For", "10.0.0.1")
			.header("Forwarded", "for=10.0.0.1")
			.header("X-Real-IP", "10.0.0.1")
			.header("X-Internal-Token", "x"), Map.of()), chain).block();
		HttpHeaders forwarded = chain.exchange().getRequest().getHeaders();
		assertThat(forwarded.headerNames())
			.noneMatch((name) -> name.toLowerCase().startsWith("x-key") || name.toLowerCase().startsWith("x-user")
					|| name.toLowerCase().startsWith("x-forwarded") || name.equalsIgnoreCase("forwarded")
					|| name.equalsIgnoreCase("x-real-ip") || name.toLowerCase().startsWith("x-internal"));
	}

	@Test
	void keepsOrdinaryHeadersAndTheCredentialForTheAuthenticationFilter() {
		CapturingChain chain = new CapturingChain();
		this.filter.filter(Exchanges.routed(MockServerHttpRequest.get("/api/v1/me")
			.header("Accept", "application/json")
			.header("X-API-Key", "k")
			.header("X-Request-Id", "r1"), Map.of()), chain).block();
		HttpHeaders forwarded = chain.exchange().getRequest().getHeaders();
		assertThat(forwarded.getFirst("Accept")).isEqualTo("application/json");
		assertThat(forwarded.getFirst("X-API-Key")).isEqualTo("k");
		assertThat(forwarded.getFirst("X-Request-Id")).isEqualTo("r1");
	}

}
