package io.vstage.gateway;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The key manager goes away: keys the gateway knows keep working for the grace period (10
 * s here), keys it does not know get 503, never a pass. This class stops its own key
 * manager.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vstage.gateway.key-manager.outage-grace=10s",
				"vstage.gateway.rate-limit.failed-authentications-per-minute=100000" })
class KeyManagerOutageIntegrationTests {

	static final KeyManagerProcess KEY_MANAGER = KeyManagerProcess.startNew();

	static final StagingBackendStub BACKEND = new StagingBackendStub();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("KEY_MANAGER_URL", KEY_MANAGER::url);
		registry.add("STAGING_BACKEND_URL", BACKEND::url);
		registry.add("INTERNAL_JWT_SECRET", () -> KeyManagerProcess.JWT_SECRET);
	}

	@AfterAll
	static void stopServices() {
		KEY_MANAGER.stop();
		BACKEND.stop();
	}

	@Test
	void cachedKeysPassForTheGracePeriodAndUnknownKeysGet503() {
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
		String key = client.post()
			.uri("/api/v1/keys")
			.header("X-API-Key", KeyManagerProcess.SUPER_ADMIN_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"outage\",\"owner_email\":\"o@example.com\",\"role\":\"user\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CREATED)
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("api_key")
			.toString();
		assertThat(status(client, key)).isEqualTo(200);

		long stopping = System.nanoTime();
		KEY_MANAGER.stop();

		assertThat(status(client, key)).isEqualTo(200);
		client.get()
			.uri("/api/v1/staging/echo")
			.header("X-API-Key", AuthenticationIntegrationTests.UNKNOWN_FIRST_VERSION_KEY)
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://vstage.io/problems/key-manager-unavailable");
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> status(client, key) == 503);
		// the grace counts from the key manager's last answer, which came before the stop
		// began
		assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(20));
	}

	private static int status(WebTestClient client, String key) {
		return client.get()
			.uri("/api/v1/staging/echo")
			.header("X-API-Key", key)
			.exchange()
			.returnResult(byte[].class)
			.getStatus()
			.value();
	}

}
