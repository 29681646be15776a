package io.vstage.gateway.ratelimit;

import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vstage.gateway.Exchanges;
import io.vstage.gateway.Exchanges.CapturingChain;
import io.vstage.gateway.GatewayAttributes;
import io.vstage.gateway.Role;
import io.vstage.gateway.auth.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitFilterTests {

	private final RateLimitProperties properties = FailedAuthenticationLimiterFixture.properties(2);

	private final RateLimitFilter filter = new RateLimitFilter(
			new ResilientBuckets(null, new LocalBuckets(), this.properties, Clock.systemUTC()), this.properties,
			Exchanges.problems());

	@Test
	void allowedRequestsCarryThePolicyAndWhatIsLeft() {
		MockServerWebExchange exchange = keyed("key-a", 3);
		CapturingChain chain = new CapturingChain();
		this.filter.filter(exchange, chain).block();
		assertThat(chain.called()).isTrue();
		assertThat(exchange.getResponse().getHeaders().getFirst("RateLimit-Policy")).isEqualTo("\"per-key\";q=3;w=60");
		assertThat(exchange.getResponse().getHeaders().getFirst("RateLimit")).startsWith("\"per-key\";r=2;t=");
	}

	@Test
	void theRequestAfterTheLimitIs429WithRetryAfter() {
		for (int i = 0; i < 3; i++) {
			this.filter.filter(keyed("key-b", 3), new CapturingChain()).block();
		}
		MockServerWebExchange exchange = keyed("key-b", 3);
		CapturingChain chain = new CapturingChain();
		this.filter.filter(exchange, chain).block();
		assertThat(chain.called()).isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("20");
		assertThat(exchange.getResponse().getHeaders().getFirst("RateLimit")).startsWith("\"per-key\";r=0;");
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("problems/rate-limited");
	}

	@Test
	void eachKeyHasItsOwnBucket() {
		for (int i = 0; i < 3; i++) {
			this.filter.filter(keyed("key-c", 3), new CapturingChain()).block();
		}
		CapturingChain chain = new CapturingChain();
		this.filter.filter(keyed("key-d", 3), chain).block();
		assertThat(chain.called()).isTrue();
	}

	@Test
	void routesThatTakeTheKeyFromTheBodyAreLimitedPerAddress() {
		for (int i = 0; i < 2; i++) {
			this.filter.filter(byAddress(), new CapturingChain()).block();
		}
		MockServerWebExchange exchange = byAddress();
		this.filter.filter(exchange, new CapturingChain()).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(exchange.getResponse().getHeaders().getFirst("RateLimit-Policy")).startsWith("\"per-address\"");
	}

	@Test
	void unlimitedRoutesCarryNoHeaders() {
		MockServerWebExchange exchange = Exchanges.routed(MockServerHttpRequest.get("/"), Map.of());
		this.filter.filter(exchange, new CapturingChain()).block();
		assertThat(exchange.getResponse().getHeaders().getFirst("RateLimit")).isNull();
	}

	private static MockServerWebExchange keyed(String keyId, int perMinute) {
		MockServerWebExchange exchange = Exchanges.routed(MockServerHttpRequest.get("/api/v1/me"),
				Map.of("role", "user"));
		exchange.getAttributes()
			.put(GatewayAttributes.PRINCIPAL,
					new Principal(keyId, Role.USER, null, null, perMinute, 10, 10, null, null, null));
		return exchange;
	}

	private static MockServerWebExchange byAddress() {
		return Exchanges.routed(MockServerHttpRequest.post("/api/validate"), Map.of("rate-limit", "address"));
	}

}
