package io.vstage.gateway.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.vstage.gateway.Exchanges;
import io.vstage.gateway.Exchanges.CapturingChain;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class JsonBodyFilterTests {

	private final JsonBodyFilter filter = new JsonBodyFilter(Exchanges.problems());

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "application/json;charset=UTF-8", "Application/JSON; charset=utf-8" })
	void jsonBodiesPass(String contentType) {
		CapturingChain chain = new CapturingChain();
		this.filter.filter(jsonRoute(contentType), chain).block();
		assertThat(chain.called()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
			"multipart/form-data; boundary=x", "application/problem+json", "application/jsonx", "" })
	void everyOtherBodyIsA415ProblemBeforeTheChain(String contentType) {
		MockServerWebExchange exchange = jsonRoute(contentType);
		CapturingChain chain = new CapturingChain();
		this.filter.filter(exchange, chain).block();
		assertThat(chain.called()).isFalse();
		assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(415);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("problems/unsupported-media-type");
	}

	@Test
	void aBodyWithoutContentTypeIsA415() {
		MockServerWebExchange exchange = Exchanges.routed(MockServerHttpRequest.post("/api/validate").body("{}"),
				Map.of("body", "json"));
		this.filter.filter(exchange, new CapturingChain()).block();
		assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(415);
	}

	@Test
	void routesWithoutTheJsonBodyMetadataTakeAnyBody() {
		CapturingChain chain = new CapturingChain();
		this.filter.filter(Exchanges.routed(MockServerHttpRequest.post("/api/v1/staging/jobs")
			.header("Content-Type", "multipart/form-data; boundary=x")
			.body("--x--"), Map.of("role", "user")), chain).block();
		assertThat(chain.called()).isTrue();
	}

	private static MockServerWebExchange jsonRoute(String contentType) {
		return Exchanges.routed(
				MockServerHttpRequest.post("/api/validate").header("Content-Type", contentType).body("{}"),
				Map.of("rate-limit", "address", "body", "json"));
	}

}
