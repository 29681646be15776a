package io.vstage.staging.observability;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import io.vstage.staging.IntegrationTestSupport;
import io.vstage.staging.StagingApi.Reply;
import io.vstage.staging.TestTokens;
import io.vstage.staging.job.TestImages;

import static io.vstage.staging.StagingApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Job, engine and image metrics on {@code /actuator/prometheus}, and the gateway's
 * request id in the logs; in the shared context of the other integration tests.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIntegrationTests extends IntegrationTestSupport {

	private static final String USER = TestTokens.user("observability-user");

	@Test
	void aCompletedJobShowsInTheJobImageAndEngineMetrics() {
		Reply reply = api().submit(USER, fields("room_type", "living_room", "style", "modern", "wait", 60),
				TestImages.jpeg(640, 480));
		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
		assertThat(reply.body().path("status").asString()).isEqualTo("completed");
		// job counts are cached for a few seconds
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			String metrics = prometheus();
			assertThat(sample(metrics, "vstage_image_duration_seconds_count", "outcome=\"done\""))
				.isGreaterThanOrEqualTo(1);
			assertThat(sample(metrics, "vstage_jobs", "state=\"completed\"")).isGreaterThanOrEqualTo(1);
		});
		String metrics = prometheus();
		assertThat(sample(metrics, "vstage_jobs", "state=\"queued\"")).isGreaterThanOrEqualTo(0);
		assertThat(sample(metrics, "vstage_queue_backlog", "application=")).isGreaterThanOrEqualTo(0);
		assertThat(sample(metrics, "vstage_engine_inflight", "engine=\"http://127.0.0.1:")).isGreaterThanOrEqualTo(0);
		assertThat(sample(metrics, "vstage_engine_utilisation", "engine=\"http://127.0.0.1:")).isBetween(0.0, 1.0);
		assertThat(sample(metrics, "vstage_engine_healthy", "engine=\"http://127.0.0.1:")).isGreaterThanOrEqualTo(0);
		assertThat(sample(metrics, "http_server_requests_seconds_count", "uri=\"/api/v1/staging/jobs\""))
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void prometheusNeedsTheInternalToken() {
		ResponseEntity<String> response = http().get().uri("/actuator/prometheus").retrieve().toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void theGatewaysRequestIdIsOnTheLogLinesOfTheRequest(CapturedOutput output) {
		String path = "/api/v1/staging/jobs/" + UUID.randomUUID();
		ResponseEntity<String> response = http().get()
			.uri(path + "?sig=secret-signature")
			.header("Authorization", "Bearer " + USER)
			.header("X-Request-Id", "obs-staging-abc123")
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(response.getHeaders().getFirst("X-Request-Id")).isEqualTo("obs-staging-abc123");
		// plain text by default, JSON with LOG_FORMAT set: the id is on the access line
		// either way
		String line = "GET " + Pattern.quote(path) + " 404 \\d+ms";
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(output.getOut()).containsPattern(
					"\\[obs-staging-abc123\\].*" + line + "|" + line + ".*\"requestId\":\"obs-staging-abc123\""));
		assertThat(output.getOut()).doesNotContain(USER).doesNotContain("secret-signature");
	}

	private RestClient http() {
		return RestClient.builder()
			// the JDK's client: Apache's (on the classpath for webhooks) would retry a
			// 503 by itself
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	private String prometheus() {
		ResponseEntity<String> response = http().get()
			.uri("/actuator/prometheus")
			.header("Authorization", "Bearer " + TestTokens.admin())
			.accept(MediaType.TEXT_PLAIN)
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
		return response.getBody();
	}

	/** Sum of the samples of a metric whose labels contain the given text. */
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
