package io.vstage.gateway.auth;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vstage.gateway.Exchanges;
import io.vstage.gateway.Exchanges.CapturingChain;
import io.vstage.gateway.GatewayAttributes;
import io.vstage.gateway.MutableClock;
import io.vstage.gateway.keymanager.AuthenticationAnswer;
import io.vstage.gateway.keymanager.ChangesPage;
import io.vstage.gateway.keymanager.FakeKeyManager;
import io.vstage.gateway.keymanager.KeyManagerProperties;
import io.vstage.gateway.ratelimit.FailedAuthenticationLimiterFixture;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyAuthenticationFilterTests {

	// issued by key-manager-service: vsk_ + 43 base62 + base62 CRC32
	static final String VALID_KEY = "vsk_aIfmslVVaDmoF6V90ib4UL1jHdeM7E59DtdBQl0olNE2cCGvn";

	static final String OTHER_VALID_KEY = "sk-proj-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

	static final String SUPER_ADMIN_KEY = "test-super-admin-key-0123456789-abcdefghij";

	private final FakeKeyManager keyManager = new FakeKeyManager();

	private final MutableClock clock = new MutableClock();

	private ChangeFeedFollower feed;

	private ApiKeyAuthenticationFilter filter;

	@BeforeEach
	void setUp() {
		KeyManagerProperties properties = new KeyManagerProperties(URI.create("http://km.invalid"),
				Duration.ofSeconds(1), Duration.ofMillis(400), Duration.ofMinutes(10), Duration.ofSeconds(5),
				Duration.ofSeconds(60), Duration.ofSeconds(5), 1000);
		PrincipalCache cache = new PrincipalCache(properties);
		this.feed = new ChangeFeedFollower(this.keyManager, cache, properties, this.clock);
		this.feed.poll();
		this.filter = new ApiKeyAuthenticationFilter(
				new KeyAuthenticator(this.keyManager, cache, this.feed, this.clock),
				FailedAuthenticationLimiterFixture.allowing(3), Exchanges.problems());
		this.keyManager.register(VALID_KEY, FakeKeyManager.user("key-1"));
	}

	@Test
	void requestWithoutKeyIsRefusedWithAProblem() {
		MockServerWebExchange exchange = keyed(MockServerHttpRequest.get("/api/v1/me"));
		CapturingChain chain = new CapturingChain();
		this.filter.filter(exchange, chain).block();
		assertThat(chain.called()).isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("problems/unauthenticated");
	}

	@Test
	void severalKeysInOneRequestAreAmbiguousWhicheverComesFirst() {
		for (MockServerHttpRequest.BaseBuilder<?> request : java.util.List.of(
				MockServerHttpRequest.get("/api/v1/me").header("X-API-Key", VALID_KEY, "vsk_other"),
				MockServerHttpRequest.get("/api/v1/me").header("X-API-Key", "vsk_other", VALID_KEY),
				MockServerHttpRequest.get("/api/v1/me")
					.header("X-API-Key", VALID_KEY)
					.header("Authorization", "Bearer vsk_other"))) {
			MockServerWebExchange exchange = keyed(request);
			CapturingChain chain = new CapturingChain();
			this.filter.filter(exchange, chain).block();
			assertThat(chain.called()).isFalse();
			assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(exchange.getResponse().getBodyAsString().block()).contains("problems/ambiguous-request");
		}
		MockServerWebExchange same = keyed(MockServerHttpRequest.get("/api/v1/me")
			.header("X-API-Key", VALID_KEY)
			.header("Authorization", "Bearer " + VALID_KEY));
		CapturingChain chain = new CapturingChain();
		this.filter.filter(same, chain).block();
		assertThat(chain.called()).as("the same key twice is one key").isTrue();
	}

	@Test
	void keyInTheQueryStringIsNotAccepted() {
		MockServerWebExchange exchange = keyed(MockServerHttpRequest.get("/api/v1/me?api_key=" + VALID_KEY));
		this.filter.filter(exchange, new CapturingChain()).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("query string");
		assertThat(this.keyManager.authenticateCalls).hasValue(0);
	}

	@Test
	void malformedKeyIsRefusedWithoutAskingTheKeyManager() {
		String badChecksum = VALID_KEY.substring(0, VALID_KEY.length() - 1) + "x";
		MockServerWebExchange exchange = keyed(
				MockServerHttpRequest.get("/api/v1/me").header("X-API-Key", badChecksum));
		this.filter.filter(exchange, new CapturingChain()).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("malformed-api-key");
		assertThat(this.keyManager.authenticateCalls).hasValue(0);
	}

	@Test
	void validKeyBecomesThePrincipalAndNeitherCredentialHeaderIsForwarded() {
		CapturingChain chain = new CapturingChain();
		this.filter.filter(keyed(MockServerHttpRequest.get("/api/v1/me").header("X-API-Key", VALID_KEY)), chain)
			.block();
		Principal principal = chain.exchange().getAttribute(GatewayAttributes.PRINCIPAL);
		assertThat(principal.keyId()).isEqualTo("key-1");
		assertThat(chain.exchange().getRequest().getHeaders().headerNames())
			.noneMatch((name) -> name.equalsIgnoreCase("X-API-Key") || name.equalsIgnoreCase("Authorization"));
	}

	@Test
	void bearerTokenIsAcceptedAndTheAnswerIsCached() {
		for (int i = 0; i < 3; i++) {
			CapturingChain chain = new CapturingChain();
			this.filter
				.filter(keyed(MockServerHttpRequest.get("/api/v1/me").header("Authorization", "Bearer " + VALID_KEY)),
						chain)
				.block();
			assertThat(chain.called()).isTrue();
		}
		assertThat(this.keyManager.authenticateCalls).hasValue(1);
	}

	@Test
	void unknownKeyIsRefusedAndTheRefusalIsCachedBriefly() {
		MockServerWebExchange first = keyed(
				MockServerHttpRequest.get("/api/v1/me").header("X-API-Key", OTHER_VALID_KEY));
		this.filter.filter(first, new CapturingChain()).block();
		this.filter
			.filter(keyed(MockServerHttpRequest.get("/api/v1/me").header("X-API-Key", OTHER_VALID_KEY)),
					new CapturingChain())
			.block();
		assertThat(first.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(first.getResponse().getBodyAsString().block()).contains("invalid-api-key");
		assertThat(this.keyManager.authenticateCalls).hasValue(1);
	}

	@Test
	void repeatedFailuresFromOneAddressAreLimited() {
		MockServerWebExchange last = null;
		for (int i = 0; i < 4; i++) {
			last = keyed(MockServerHttpRequest.get("/api/v1/me").header("X-API-Key", "not-a-key"));
			this.filter.filter(last, new CapturingChain()).block();
		}
		assertThat(last.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(last.getResponse().getHeaders().getFirst("Retry-After")).isNotBlank();
	}

	@Test
	void validKeysFromAnAddressOverItsFailedAuthenticationLimitStillPass() {
		this.keyManager.register(SUPER_ADMIN_KEY, FakeKeyManager.superAdmin());
		authenticate(VALID_KEY);
		for (int i = 0; i < 4; i++) {
			authenticate("not-a-key");
		}
		// cached, asked of the key manager, and the super admin's
		this.keyManager.register(OTHER_VALID_KEY, FakeKeyManager.user("key-2"));
		for (String key : new String[] { VALID_KEY, OTHER_VALID_KEY, SUPER_ADMIN_KEY }) {
			CapturingChain chain = new CapturingChain();
			MockServerWebExchange exchange = keyed(MockServerHttpRequest.get("/api/v1/me").header("X-API-Key", key));
			this.filter.filter(exchange, chain).block();
			assertThat(chain.called()).as(key).isTrue();
			assertThat(exchange.getResponse().getStatusCode()).as(key).isNull();
		}
	}

	@Test
	void invalidKeysFromAnAddressOverItsFailedAuthenticationLimitAre429() {
		for (int i = 0; i < 3; i++) {
			assertThat(authenticate("not-a-key").getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		this.keyManager.answers.put(OTHER_VALID_KEY, new AuthenticationAnswer("revoked", null, null));
		for (String key : new String[] { "not-a-key", OTHER_VALID_KEY }) {
			MockServerWebExchange exchange = authenticate(key);
			assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
			assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isNotBlank();
			assertThat(exchange.getResponse().getHeaders().getFirst("RateLimit-Policy"))
				.isEqualTo("\"failed-auth\";q=3;w=60");
			assertThat(exchange.getResponse().getBodyAsString().block())
				.contains("problems/too-many-failed-authentications");
		}
	}

	@Test
	void aRequestWithoutKeyFromAnAddressOverItsLimitIsStill401() {
		for (int i = 0; i < 4; i++) {
			authenticate("not-a-key");
		}
		MockServerWebExchange exchange = keyed(MockServerHttpRequest.get("/api/v1/me"));
		this.filter.filter(exchange, new CapturingChain()).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void failuresOfOneAddressDoNotLimitAnother() {
		for (int i = 0; i < 4; i++) {
			authenticate("not-a-key");
		}
		MockServerWebExchange other = Exchanges.routed(MockServerHttpRequest.get("/api/v1/me")
			.header("X-API-Key", "not-a-key")
			.remoteAddress(new InetSocketAddress("198.51.100.20", 40000))
			.build(), Map.of("role", "user"));
		this.filter.filter(other, new CapturingChain()).block();
		assertThat(other.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void routeWithoutRoleNeedsNoKey() {
		CapturingChain chain = new CapturingChain();
		this.filter.filter(Exchanges.routed(MockServerHttpRequest.get("/api/v1/staging/files/a.png"), Map.of()), chain)
			.block();
		assertThat(chain.called()).isTrue();
	}

	@Test
	void changeOfAKeyDropsItsCachedPrincipal() {
		authenticate(VALID_KEY);
		this.keyManager.answers.put(VALID_KEY, new AuthenticationAnswer("revoked", null, null));
		this.keyManager.changes.add(new ChangesPage.Change(1, "key-1", "revoked", Instant.now()));
		this.feed.poll();
		MockServerWebExchange exchange = authenticate(VALID_KEY);
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("api-key-revoked");
	}

	@Test
	void creationOfAKeyKeepsItsCachedPrincipal() {
		authenticate(VALID_KEY);
		this.keyManager.changes.add(new ChangesPage.Change(1, "key-1", "created", Instant.now()));
		this.feed.poll();
		CapturingChain chain = new CapturingChain();
		this.filter.filter(keyed(MockServerHttpRequest.get("/api/v1/me").header("X-API-Key", VALID_KEY)), chain)
			.block();
		assertThat(chain.called()).isTrue();
		assertThat(this.keyManager.authenticateCalls).hasValue(1);
	}

	@Test
	void keyManagerDownCachedPrincipalsPassDuringTheGracePeriodOnly() {
		authenticate(VALID_KEY);
		this.keyManager.down = true;
		this.clock.advance(Duration.ofSeconds(59));
		this.feed.poll();
		CapturingChain passed = new CapturingChain();
		this.filter.filter(keyed(MockServerHttpRequest.get("/api/v1/me").header("X-API-Key", VALID_KEY)), passed)
			.block();
		assertThat(passed.called()).isTrue();
		this.clock.advance(Duration.ofSeconds(2));
		MockServerWebExchange late = authenticate(VALID_KEY);
		assertThat(late.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void keyManagerDownUnknownKeysGet503NeverAPass() {
		this.keyManager.down = true;
		CapturingChain chain = new CapturingChain();
		MockServerWebExchange exchange = keyed(
				MockServerHttpRequest.get("/api/v1/me").header("X-API-Key", OTHER_VALID_KEY));
		this.filter.filter(exchange, chain).block();
		assertThat(chain.called()).isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("key-manager-unavailable");
	}

	private MockServerWebExchange authenticate(String key) {
		MockServerWebExchange exchange = keyed(MockServerHttpRequest.get("/api/v1/me").header("X-API-Key", key));
		this.filter.filter(exchange, new CapturingChain()).block();
		return exchange;
	}

	private static MockServerWebExchange keyed(MockServerHttpRequest.BaseBuilder<?> request) {
		return Exchanges.routed(request, Map.of("role", "user"));
	}

}
