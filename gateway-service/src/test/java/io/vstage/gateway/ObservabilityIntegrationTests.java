package io.vstage.gateway;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Metrics on {@code /actuator/prometheus}, access lines with the request id, and the id
 * forwarded to the services; in the shared context of the other integration tests.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIntegrationTests extends GatewayIntegrationSupport {

	@Test
	void refusalsAreCountedByReasonAndRequestsAreTimed() {
		IssuedKey key = issueKey("user", 1, 100, null);
		assertThat(status("/api/v1/me", key.secret())).isEqualTo(200);
		assertThat(status("/api/v1/me", key.secret())).isEqualTo(429);
		assertThat(status("/api/v1/me", "not-a-key")).isEqualTo(401);
		String metrics = prometheus();
		assertThat(sample(metrics, "vstage_gateway_refusals_total", "reason=\"rate_limit\"")).isGreaterThanOrEqualTo(1);
		assertThat(sample(metrics, "vstage_gateway_refusals_total", "reason=\"unauthenticated\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(sample(metrics, "vstage_gateway_refusals_total", "reason=\"quota\"")).isGreaterThanOrEqualTo(0);
		assertThat(sample(metrics, "http_server_requests_seconds_count", "status=\"429\"")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void theRequestIdIsForwardedAndOnTheAccessLineWithoutTheKey(CapturedOutput output) {
		IssuedKey key = userKey();
		Map<?, ?> echo = client().get()
			.uri("/api/v1/staging/echo?sig=secret-signature")
			.header("X-API-Key", key.secret())
			.header("X-Request-Id", "obs-gateway-42")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Request-Id", "obs-gateway-42")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(((Map<?, ?>) echo.get("headers")).get("x-request-id")).isEqualTo("obs-gateway-42");
		// plain text by default, JSON with LOG_FORMAT set: the id is on the access line
		// either way
		String line = "GET /api/v1/staging/echo 200 \\d+ms route=staging";
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(output.getOut())
				.containsPattern("\\[obs-gateway-42\\].*" + line + "|" + line + ".*\"requestId\":\"obs-gateway-42\""));
		assertThat(output.getOut()).doesNotContain(key.secret()).doesNotContain("secret-signature");
	}

	@Test
	void theKeyManagerLogsTheGatewaysCallWithTheClientsRequestId() throws Exception {
		IssuedKey key = issueKey("user", 60, 100, null);
		// a key the gateway has not seen yet: it asks the key manager
		client().get()
			.uri("/api/v1/me")
			.header("X-API-Key", key.secret())
			.header("X-Request-Id", "obs-km-7")
			.exchange()
			.expectStatus()
			.isOk();
		String line = "POST /internal/v1/keys/authenticate 200 \\d+ms";
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(Files.readString(KEY_MANAGER.log()))
				.containsPattern("\\[obs-km-7\\].*" + line + "|" + line + ".*\"requestId\":\"obs-km-7\""));
		assertThat(Files.readString(KEY_MANAGER.log())).doesNotContain(key.secret());
	}

	@Test
	void prometheusIsHiddenFromRequestsThatCameThroughAProxy() {
		client().get()
			.uri("/actuator/prometheus")
			.header("X-Forwarded-For", "198.51.100.9")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private String prometheus() {
		return client().get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/** Sum of the samples of a metric whose labels contain the given label. */
	static double sample(String metrics, String name, String label) {
		Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
		double sum = 0;
		boolean found = false;
		while (matcher.find()) {
			if (matcher.group(1).contains(label)) {
				sum += Double.parseDouble(matcher.group(2));
				found = true;
			}
		}
		assertThat(found).as("%s{%s} in%n%s", name, label, metrics).isTrue();
		return sum;
	}

}
