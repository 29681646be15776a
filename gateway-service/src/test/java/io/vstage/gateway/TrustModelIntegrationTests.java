package io.vstage.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's share of "one trust model" through the whole chain: failed
 * authentications throttle guesses but never valid keys, client addresses from trusted
 * proxies only, JSON-only validation, hostile paths, a health that says only UP. The
 * loopback is the trusted proxy here, so {@code X-Forwarded-For} names each test's
 * client.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "vstage.gateway.rate-limit.failed-authentications-per-minute=30",
		"vstage.gateway.rate-limit.per-address-per-minute=5", "vstage.gateway.trusted-proxies=127.0.0.1/32,::1" })
class TrustModelIntegrationTests extends GatewayIntegrationSupport {

	@Test
	void failuresFromOneAddressNeverLockOutItsValidKeys() {
		IssuedKey user = userKey();
		String shared = "198.51.100.31";
		for (int i = 0; i < 31; i++) {
			statusFrom(shared, "/api/v1/me", AuthenticationIntegrationTests.UNKNOWN_FIRST_VERSION_KEY);
		}
		assertThat(statusFrom(shared, "/api/v1/me", KeyManagerProcess.SUPER_ADMIN_KEY)).isEqualTo(200);
		assertThat(statusFrom(shared, "/api/v1/audit", KeyManagerProcess.SUPER_ADMIN_KEY)).isEqualTo(200);
		assertThat(statusFrom(shared, "/api/v1/me", user.secret())).isEqualTo(200);
		client().get()
			.uri("/api/v1/me")
			.header("X-Forwarded-For", shared)
			.header("X-API-Key", "vsk_thisIsNotAKeyWithAValidChecksum0123456789abcdefghijk")
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueMatches("Retry-After", "[1-9][0-9]*")
			.expectHeader()
			.valueEquals("RateLimit-Policy", "\"failed-auth\";q=30;w=60")
			.expectHeader()
			.valueMatches("RateLimit", "\"failed-auth\";r=0;t=\\d+")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://vstage.io/problems/too-many-failed-authentications");
		// the compatibility endpoint follows the same rule
		validateFrom(shared, user.secret()).expectStatus().isOk().expectBody().jsonPath("$.valid").isEqualTo(true);
		validateFrom(shared, AuthenticationIntegrationTests.UNKNOWN_FIRST_VERSION_KEY).expectStatus()
			.isEqualTo(429)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://vstage.io/problems/too-many-failed-authentications");
		// another client behind the same proxy is not limited by them
		assertThat(statusFrom("198.51.100.32", "/api/v1/me", AuthenticationIntegrationTests.UNKNOWN_FIRST_VERSION_KEY))
			.isEqualTo(401);
	}

	@Test
	void theClientBehindATrustedProxyIsTheRightMostUntrustedHop(CapturedOutput output) {
		IssuedKey user = userKey();
		client().get()
			.uri("/api/v1/staging/echo")
			.header("X-API-Key", user.secret())
			.header("X-Forwarded-For", "203.0.113.250, 198.51.100.77, 127.0.0.1")
			.header("X-Request-Id", "trusted-proxy-1")
			.exchange()
			.expectStatus()
			.isOk();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(output.getOut())
				.containsPattern("trusted-proxy-1.*route=staging client=198\\.51\\.100\\.77"
						+ "|route=staging client=198\\.51\\.100\\.77.*trusted-proxy-1"));
	}

	@Test
	void validationTakesJsonOnlyAndOtherBodiesSpendNothing() {
		String address = "198.51.100.40";
		for (String type : new String[] { "text/plain", "application/x-www-form-urlencoded",
				"multipart/form-data; boundary=x", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
				"text/plain", "text/plain" }) {
			client().post()
				.uri("/api/validate")
				.header("X-Forwarded-For", address)
				.header("Content-Type", type)
				.bodyValue("{\"api_key\": \"" + AuthenticationIntegrationTests.UNKNOWN_FIRST_VERSION_KEY + "\"}")
				.exchange()
				.expectStatus()
				.isEqualTo(415)
				.expectHeader()
				.contentType("application/problem+json")
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://vstage.io/problems/unsupported-media-type");
		}
		// seven refusals later the address's bucket of five is untouched
		client().post()
			.uri("/api/keys/validate")
			.header("X-Forwarded-For", address)
			.contentType(MediaType.parseMediaType("application/json;charset=UTF-8"))
			.bodyValue(Map.of("api_key", KeyManagerProcess.SUPER_ADMIN_KEY))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches("RateLimit", "\"per-address\";r=4;t=\\d+")
			.expectBody()
			.jsonPath("$.valid")
			.isEqualTo(true);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/staging/jobs/%00", "/api/v1/keys/%2f..%2f", "/api/v1/keys/%2F..%2Finternal",
			"/%2e%2e/actuator/env", "/api/v1/staging/files/a%5c..%5cb.png", "/api/v1/staging/jobs/%0a",
			"/api/v1/keys/..;/internal/v1/keys/changes/head", "/api/v1/staging/%2e%2e/%2e%2e/internal" })
	void hostilePathsAreTheGatewaysOwn400ProblemBeforeAuthentication(String path) {
		client().get()
			.uri(URI.create("http://127.0.0.1:" + this.port + path))
			.header("X-API-Key", KeyManagerProcess.SUPER_ADMIN_KEY)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://vstage.io/problems/bad-request");
	}

	@Test
	void publicHealthSaysOnlyUpAndNoOtherActuatorEndpointIsPublic() {
		client().get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("{\"status\":\"UP\"}");
		for (String path : new String[] { "/actuator/info", "/actuator", "/actuator/env", "/actuator/beans",
				"/actuator/configprops", "/actuator/gateway/routes", "/actuator/metrics", "/actuator/loggers" }) {
			client().get().uri(path).exchange().expectStatus().isNotFound();
		}
	}

	private int statusFrom(String address, String path, String apiKey) {
		return client().get()
			.uri(path)
			.header("X-Forwarded-For", address)
			.header("X-API-Key", apiKey)
			.exchange()
			.returnResult(byte[].class)
			.getStatus()
			.value();
	}

	private WebTestClient.ResponseSpec validateFrom(String address, String apiKey) {
		return client().post()
			.uri("/api/validate")
			.header("X-Forwarded-For", address)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("api_key", apiKey))
			.exchange();
	}

}
