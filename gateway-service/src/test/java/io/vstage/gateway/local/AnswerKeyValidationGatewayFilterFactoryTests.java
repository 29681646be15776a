package io.vstage.gateway.local;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vstage.gateway.Exchanges;
import io.vstage.gateway.Exchanges.CapturingChain;
import io.vstage.gateway.MutableClock;
import io.vstage.gateway.auth.KeyAuthenticatorFixture;
import io.vstage.gateway.keymanager.FakeKeyManager;
import io.vstage.gateway.quota.LiveQuotas;
import io.vstage.gateway.ratelimit.FailedAuthenticationLimiterFixture;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerKeyValidationGatewayFilterFactoryTests {

	static final String VALID_KEY = "vsk_aIfmslVVaDmoF6V90ib4UL1jHdeM7E59DtdBQl0olNE2cCGvn";

	static final String UNKNOWN_KEY = "sk-proj-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

	private final FakeKeyManager keyManager = new FakeKeyManager();

	private final MutableClock clock = new MutableClock();

	private final GatewayFilter filter = new AnswerKeyValidationGatewayFilterFactory(
			KeyAuthenticatorFixture.against(this.keyManager, this.clock),
			new LiveQuotas(this.keyManager, KeyAuthenticatorFixture.properties(), this.clock),
			FailedAuthenticationLimiterFixture.allowing(2), Exchanges.problems(), Exchanges.json())
		.apply(new Object());

	@Test
	void unknownKeyIsAnsweredInvalid() {
		MockServerWebExchange exchange = validate(UNKNOWN_KEY);
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"valid\":false");
	}

	@Test
	void overTheFailedAuthenticationLimitAnInvalidKeyIs429ButAValidKeyIsStillAnswered() {
		this.keyManager.register(VALID_KEY, FakeKeyManager.user("key-1"));
		for (int i = 0; i < 2; i++) {
			validate(UNKNOWN_KEY);
		}
		MockServerWebExchange refused = validate(UNKNOWN_KEY);
		assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(refused.getResponse().getHeaders().getFirst("Retry-After")).isNotBlank();
		assertThat(refused.getResponse().getBodyAsString().block())
			.contains("problems/too-many-failed-authentications");
		MockServerWebExchange valid = validate(VALID_KEY);
		assertThat(valid.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(valid.getResponse().getBodyAsString().block()).contains("\"valid\":true");
	}

	private MockServerWebExchange validate(String key) {
		MockServerWebExchange exchange = Exchanges.routed(MockServerHttpRequest.post("/api/validate")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"api_key\": \"" + key + "\"}"), Map.of("rate-limit", "address", "body", "json"));
		this.filter.filter(exchange, new CapturingChain()).block();
		return exchange;
	}

}
