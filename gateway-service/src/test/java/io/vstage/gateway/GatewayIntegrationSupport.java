package io.vstage.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on a random port in front of a real key-manager-service process and a stub
 * staging backend. Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.gateway.server.webflux.httpclient.response-timeout=6s",
				"vstage.gateway.rate-limit.failed-authentications-per-minute=100000",
				"vstage.gateway.usage.flush-interval=200ms" })
abstract class GatewayIntegrationSupport {

	static final KeyManagerProcess KEY_MANAGER = KeyManagerProcess.shared();

	static final StagingBackendStub BACKEND = new StagingBackendStub();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("KEY_MANAGER_URL", KEY_MANAGER::url);
		registry.add("STAGING_BACKEND_URL", BACKEND::url);
		registry.add("INTERNAL_JWT_SECRET", () -> KeyManagerProcess.JWT_SECRET);
	}

	WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}

	/** Issues a key through the gateway's admin API with the super admin key. */
	IssuedKey issueKey(String role, int ratePerMinute, Integer dailyQuota, Instant expiresAt) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("name", "gateway test " + role);
		request.put("owner_email", "owner@example.com");
		request.put("role", role);
		request.put("rate_limit_per_minute", ratePerMinute);
		if (dailyQuota != null) {
			request.put("daily_quota", dailyQuota);
		}
		if (expiresAt != null) {
			request.put("expires_at", expiresAt.toString());
		}
		Map<?, ?> issued = client().post()
			.uri("/api/v1/keys")
			.header("X-API-Key", KeyManagerProcess.SUPER_ADMIN_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CREATED)
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return new IssuedKey(issued.get("id").toString(), issued.get("api_key").toString());
	}

	IssuedKey userKey() {
		return issueKey("user", 1000, 100, null);
	}

	int status(String path, String apiKey) {
		return client().get()
			.uri(path)
			.header("X-API-Key", apiKey)
			.exchange()
			.returnResult(byte[].class)
			.getStatus()
			.value();
	}

	/** A key as issued: its id and its secret. */
	record IssuedKey(String id, String secret) {
	}

}
