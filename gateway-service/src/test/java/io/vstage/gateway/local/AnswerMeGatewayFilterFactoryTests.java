package io.vstage.gateway.local;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vstage.gateway.Exchanges;
import io.vstage.gateway.Exchanges.CapturingChain;
import io.vstage.gateway.GatewayAttributes;
import io.vstage.gateway.MutableClock;
import io.vstage.gateway.Role;
import io.vstage.gateway.auth.Principal;
import io.vstage.gateway.keymanager.FakeKeyManager;
import io.vstage.gateway.keymanager.KeyManagerProperties;
import io.vstage.gateway.quota.LiveQuotas;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerMeGatewayFilterFactoryTests {

	private final FakeKeyManager keyManager = new FakeKeyManager();

	private final MutableClock clock = new MutableClock();

	private final GatewayFilter filter = new AnswerMeGatewayFilterFactory(new LiveQuotas(this.keyManager,
			new KeyManagerProperties(URI.create("http://km.invalid"), Duration.ofSeconds(1), Duration.ofMillis(400),
					Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(5), 1000),
			this.clock), Exchanges.json())
		.apply(new Object());

	@Test
	void answersFromThePrincipalWithoutCallingTheKeyManagerOrTheChain() {
		MockServerWebExchange exchange = Exchanges.routed(MockServerHttpRequest.get("/api/v1/me"),
				Map.of("role", "user"));
		exchange.getAttributes()
			.put(GatewayAttributes.PRINCIPAL, new Principal("key-1", Role.USER, "my key", "owner@example.com", 60, 100,
					97, Instant.parse("2026-11-27T00:00:00Z"), null, null));
		this.keyManager.down = true;
		CapturingChain chain = new CapturingChain();
		this.filter.filter(exchange, chain).block();
		assertThat(chain.called()).isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(exchange.getResponse().getBodyAsString().block())
			.isEqualTo("{\"role\":\"user\",\"key_id\":\"key-1\","
					+ "\"name\":\"my key\",\"rate_limit_per_minute\":60,\"daily_quota\":100,\"remaining_today\":97,"
					+ "\"resets_at\":\"2026-11-27T00:00:00Z\"}");
	}

	@Test
	void itsToStringNamesTheFilter() {
		assertThat(this.filter.toString()).isEqualTo("AnswerMe");
	}

}
