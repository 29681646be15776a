package io.vstage.gateway.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vstage.gateway.Exchanges;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersFilterTests {

	@Test
	void everyResponseCarriesTheSecurityHeadersReplacingWhatAnUpstreamSent() {
		SecurityHeadersFilter filter = new SecurityHeadersFilter(
				new SecurityHeadersProperties("default-src 'self'; frame-ancestors 'none'", "no-referrer", List.of()));
		MockServerWebExchange exchange = Exchanges.routed(MockServerHttpRequest.get("/"), Map.of());
		filter.filter(exchange, (e) -> {
			e.getResponse().getHeaders().set("X-Content-Type-Options", "upstream-value");
			return e.getResponse().setComplete();
		}).block();
		HttpHeaders headers = exchange.getResponse().getHeaders();
		assertThat(headers.getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
		assertThat(headers.get("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
	}

}
