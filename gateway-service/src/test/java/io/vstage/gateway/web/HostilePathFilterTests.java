package io.vstage.gateway.web;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import io.vstage.gateway.Exchanges;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class HostilePathFilterTests {

	private final HostilePathFilter filter = new HostilePathFilter(Exchanges.problems());

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/staging/jobs/%00", "/api/v1/keys/%2f..%2f", "/api/v1/keys/%2F",
			"/%2e%2e/actuator/env", "/api/v1/staging/%2E/jobs", "/api/v1/staging/files/a%5cb.png",
			"/api/v1/staging/files/a%5Cb.png", "/api/v1/keys/..;/internal/v1/keys/changes", "/api/v1/staging/.%2e/x",
			"/api/v1/staging/jobs/%0d%0aX-Injected:%201", "/api/v1/staging/jobs/%7f", "/api/v1/staging/jobs/%1b",
			"/api/v1/../keys", "/api/v1/./keys" })
	void hostilePathsAreA400ProblemBeforeAnythingElse(String path) {
		AtomicBoolean passed = new AtomicBoolean();
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.method(HttpMethod.GET, URI.create(path)).build());
		this.filter.filter(exchange, (e) -> {
			passed.set(true);
			return Mono.empty();
		}).block();
		assertThat(passed).isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("https://vstage.io/problems/bad-request");
	}

	@Test
	void malformedEscapesAreHostile() {
		// java.net.URI refuses them already; the filter does not rely on it
		assertThat(HostilePathFilter.isHostile("/api/v1/staging/jobs/%zz")).isTrue();
		assertThat(HostilePathFilter.isHostile("/api/v1/staging/jobs/%2")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/api/v1/staging/jobs/3f2a", "/api/v1/staging/files/room%20one.png",
			"/api/v1/staging/files/caf%C3%A9.png", "/assets/app.3e4f.js", "/api/v1/staging/files/a..b.png",
			"/api/v1/staging/files/...", "/api/v1/staging/files/a%2520b" })
	void ordinaryPathsPass(String path) {
		AtomicBoolean passed = new AtomicBoolean();
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.method(HttpMethod.GET, URI.create(path)).build());
		this.filter.filter(exchange, (e) -> {
			passed.set(true);
			return Mono.empty();
		}).block();
		assertThat(passed).isTrue();
	}

}
