package io.vstage.systemtests;

import java.awt.Color;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole product as a team uses it, over REST through the gateway: the real jars as
 * separate processes on random ports (gateway, key manager, staging backend and two
 * simulators), bootstrapped with the super admin key only.
 */
class EndToEndTests {

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static final SharedSuite shared = new SharedSuite(SharedSuite.TWO_ENGINES);

	@Test
	void aUserKeyIssuedByAnAdminStagesARoomAndIsRefusedWithinTwoSecondsOfItsRevocation() {
		Suite suite = shared.suite();
		SuiteApi api = suite.api();
		assertThat(api.json("GET", "/api/v1/me", suite.superAdminKey(), null).status()).isEqualTo(200);
		SuiteApi.IssuedKey admin = api.createKey(suite.superAdminKey(), "e2e admin", "admin", 100);
		suite.remember(admin.secret());
		SuiteApi.IssuedKey user = api.createKey(admin.secret(), "e2e user", "user", 10);
		suite.remember(user.secret());
		assertThat(api.json("GET", "/api/v1/me", user.secret(), null).body().get("remaining_today").asInt())
			.isEqualTo(10);

		JsonNode job = EndToEndJobs.stageAndAwait(api, user.secret(), Photos.emptyRoom("e2e-room", Color.LIGHT_GRAY),
				3);
		assertThat(job.get("status").asString()).as("job %s", job).isEqualTo("completed");
		assertThat(job.get("images")).hasSize(3);
		for (JsonNode image : job.get("images")) {
			HttpResponse<byte[]> png = api.download(image.get("url").asString());
			assertThat(png.statusCode()).isEqualTo(200);
			assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
			assertThat(Arrays.copyOf(png.body(), 8)).isEqualTo(PNG_SIGNATURE);
		}

		assertThat(api.json("GET", "/api/v1/me", user.secret(), null).body().get("remaining_today").asInt())
			.isEqualTo(7);
		SuiteApi.Answer key = api.json("GET", "/api/v1/keys/" + user.id(), admin.secret(), null);
		assertThat(key.status()).isEqualTo(200);
		assertThat(key.body().get("used_today").asInt()).as("key %s", key.body()).isEqualTo(3);
		// usage events reach the key manager in batches: give the gateway a moment
		Awaitility.await("usage of the user key")
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(
					api.json("GET", "/api/v1/keys/" + user.id() + "/usage", admin.secret(), null).body().toString())
				.contains("\"images\":3"));

		SuiteApi.Answer revoked = api.json("POST", "/api/v1/keys/" + user.id() + "/revoke", admin.secret(), null);
		assertThat(revoked.status()).as("revoke %s", revoked).isBetween(200, 204);
		Awaitility.await("the revoked key refused")
			.atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> api.json("GET", "/api/v1/me", user.secret(), null).status() == 401);
		assertThat(api.submitJob(user.secret(), Photos.emptyRoom("e2e-room", Color.LIGHT_GRAY), 1).status())
			.isEqualTo(401);
	}

	@Test
	void theImagesOfOneJobAreSpreadOverBothSimulators() {
		Suite suite = shared.suite();
		SuiteApi api = suite.api();
		SuiteApi.IssuedKey user = api.createKey(suite.superAdminKey(), "e2e spread", "user", 20);
		suite.remember(user.secret());
		int[] before = suite.simulatorUrls().stream().mapToInt(EndToEndTests::promptsRun).toArray();
		JsonNode job = EndToEndJobs.stageAndAwait(api, user.secret(), Photos.emptyRoom("e2e-spread", Color.PINK), 6);
		assertThat(job.get("status").asString()).as("job %s", job).isEqualTo("completed");
		for (int i = 0; i < before.length; i++) {
			assertThat(promptsRun(suite.simulatorUrls().get(i))).as("prompts run by %s", suite.simulatorUrls().get(i))
				.isGreaterThan(before[i]);
		}
	}

	/** How many prompts a simulator has in its history. */
	private static int promptsRun(String simulator) {
		String history = EndToEndJobs
			.send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(simulator + "/history")).build())
			.body();
		return JSON.readTree(history).size();
	}

}
