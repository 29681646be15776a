package io.vstage.gateway.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vstage.gateway.Exchanges;
import io.vstage.gateway.Exchanges.CapturingChain;
import io.vstage.gateway.GatewayAttributes;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdFilterTests {

	private final RequestIdFilter filter = new RequestIdFilter();

	@Test
	void generatesAnIdWhenTheClientSentNoneAndReturnsAndForwardsIt() {
		MockServerWebExchange exchange = Exchanges.routed(MockServerHttpRequest.get("/api/v1/me"), Map.of());
		CapturingChain chain = new CapturingChain();
		this.filter.filter(exchange, chain).block();
		String id = exchange.getResponse().getHeaders().getFirst("X-Request-Id");
		assertThat(id).matches("[0-9a-f-]{36}");
		assertThat(chain.exchange().getRequest().getHeaders().getFirst("X-Request-Id")).isEqualTo(id);
		assertThat((String) chain.exchange().getAttribute(GatewayAttributes.REQUEST_ID)).isEqualTo(id);
	}

	@Test
	void keepsASaneClientId() {
		MockServerWebExchange exchange = Exchanges
			.routed(MockServerHttpRequest.get("/api/v1/me").header("X-Request-Id", "client-42.a:b"), Map.of());
		CapturingChain chain = new CapturingChain();
		this.filter.filter(exchange, chain).block();
		assertThat(chain.exchange().getRequest().getHeaders().getFirst("X-Request-Id")).isEqualTo("client-42.a:b");
	}

	@Test
	void replacesAClientIdThatCouldInjectIntoLogs() {
		MockServerWebExchange exchange = Exchanges
			.routed(MockServerHttpRequest.get("/api/v1/me").header("X-Request-Id", "abc\" injected=1 "), Map.of());
		CapturingChain chain = new CapturingChain();
		this.filter.filter(exchange, chain).block();
		assertThat(chain.exchange().getRequest().getHeaders().getFirst("X-Request-Id")).matches("[0-9a-f-]{36}");
	}

}
