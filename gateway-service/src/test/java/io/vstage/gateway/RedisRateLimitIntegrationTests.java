package io.vstage.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two gateways on one real Redis share one bucket per key: 2 × N requests spread over
 * both, with a limit of N per minute, let exactly N through.
 */
class RedisRateLimitIntegrationTests {

	private static final int LIMIT = 10;

	private static final List<GatewayProcess> gateways = new ArrayList<>();

	@BeforeAll
	static void startTwoGateways() throws IOException {
		String redis = System.getenv("TEST_REDIS_URL");
		if (redis == null || redis.isBlank()) {
			if ("true".equals(System.getenv("CI"))) {
				fail("TEST_REDIS_URL is not set; CI must provide a Redis for this test");
			}
			assumeTrue(false, "TEST_REDIS_URL is not set");
		}
		KeyManagerProcess keyManager = KeyManagerProcess.shared();
		// a prefix of its own, so that no other run's buckets count
		String prefix = "vstage-test:" + UUID.randomUUID() + ":";
		for (int i = 0; i < 2; i++) {
			gateways.add(GatewayProcess.start(Map.of("KEY_MANAGER_URL", keyManager.url(), "STAGING_BACKEND_URL",
					"http://127.0.0.1:9", "INTERNAL_JWT_SECRET", KeyManagerProcess.JWT_SECRET, "RATE_LIMIT_REDIS_URL",
					redis, "VSTAGE_GATEWAY_RATE_LIMIT_REDIS_KEY_PREFIX", prefix,
					// the first Redis round trip of a fresh JVM is slow; the limit is
					// what is tested here
					"VSTAGE_GATEWAY_RATE_LIMIT_REDIS_TIMEOUT", "5s")));
		}
	}

	@AfterAll
	static void stopGateways() {
		gateways.forEach(GatewayProcess::close);
		gateways.clear();
	}

	@Test
	void twoGatewaysEnforceOneSharedLimit() {
		WebTestClient first = client(gateways.get(0));
		WebTestClient second = client(gateways.get(1));
		String key = issueKey(first);
		int allowed = 0;
		int limited = 0;
		for (int i = 0; i < 2 * LIMIT; i++) {
			int status = ((i % 2 == 0) ? first : second).get()
				.uri("/api/v1/me")
				.header("X-API-Key", key)
				.exchange()
				.returnResult(byte[].class)
				.getStatus()
				.value();
			if (status == 200) {
				allowed++;
			}
			else if (status == 429) {
				limited++;
			}
		}
		assertThat(allowed).isEqualTo(LIMIT);
		assertThat(limited).isEqualTo(LIMIT);
		for (WebTestClient gateway : List.of(first, second)) {
			gateway.get()
				.uri("/actuator/prometheus")
				.exchange()
				.expectBody(String.class)
				.value((metrics) -> assertThat(metrics)
					.containsPattern("(?m)^vstage_gateway_rate_limit_store\\{[^}]*mode=\"redis\"[^}]*\\} 1(\\.0)?$"));
		}
	}

	private static String issueKey(WebTestClient gateway) {
		Map<?, ?> issued = gateway.post()
			.uri("/api/v1/keys")
			.header("X-API-Key", KeyManagerProcess.SUPER_ADMIN_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "shared limit", "owner_email", "o@example.com", "role", "user",
					"rate_limit_per_minute", LIMIT))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CREATED)
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return issued.get("api_key").toString();
	}

	private static WebTestClient client(GatewayProcess gateway) {
		return WebTestClient.bindToServer().baseUrl(gateway.url()).responseTimeout(Duration.ofSeconds(20)).build();
	}

}
