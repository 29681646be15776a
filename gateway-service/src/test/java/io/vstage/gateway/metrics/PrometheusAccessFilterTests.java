package io.vstage.gateway.metrics;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusAccessFilterTests {

	private final PrometheusAccessFilter filter = new PrometheusAccessFilter();

	@Test
	void aDirectScraperOnAPrivateNetworkIsServed() {
		assertThat(served(MockServerHttpRequest.get("/actuator/prometheus").remoteAddress(address("10.1.2.3"))))
			.isTrue();
		assertThat(served(MockServerHttpRequest.get("/actuator/prometheus").remoteAddress(address("fd00::5"))))
			.isTrue();
		assertThat(served(MockServerHttpRequest.get("/actuator/prometheus").remoteAddress(address("127.0.0.1"))))
			.isTrue();
	}

	@Test
	void aPublicAddressOrAForwardedRequestGets404() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/actuator/prometheus").remoteAddress(address("203.0.113.7")));
		this.filter.filter(exchange, (e) -> Mono.error(new AssertionError("served"))).block();
		assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(404);
		assertThat(served(MockServerHttpRequest.get("/actuator/prometheus")
			.remoteAddress(address("10.1.2.3"))
			.header("X-Forwarded-For", "203.0.113.7"))).isFalse();
	}

	@Test
	void otherPathsAreNotItsConcern() {
		assertThat(served(MockServerHttpRequest.get("/actuator/health").remoteAddress(address("203.0.113.7"))))
			.isTrue();
	}

	private boolean served(MockServerHttpRequest.BaseBuilder<?> request) {
		boolean[] served = new boolean[1];
		this.filter.filter(MockServerWebExchange.from(request), (e) -> {
			served[0] = true;
			return Mono.empty();
		}).block();
		return served[0];
	}

	private static InetSocketAddress address(String ip) {
		return new InetSocketAddress(ip, 40000);
	}

}
