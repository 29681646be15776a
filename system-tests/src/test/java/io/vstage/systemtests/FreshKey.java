package io.vstage.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key issued for one test case only, so that what a request charged or made shows as a
 * difference from nothing: its {@code used_today} in the key manager (authoritative), its
 * {@code remaining_today} at the gateway, its jobs at the staging backend and the prompts
 * the simulator received.
 */
final class FreshKey {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final Suite suite;

	private final SuiteApi api;

	private final SuiteApi.IssuedKey key;

	private final int quota;

	private FreshKey(Suite suite, SuiteApi.IssuedKey key, int quota) {
		this.suite = suite;
		this.api = suite.api();
		this.key = key;
		this.quota = quota;
	}

	/** A key issued by the super admin, with a rate limit that no test reaches. */
	static FreshKey issue(Suite suite, String role, int quota) {
		return issueBy(suite, suite.superAdminKey(), role, quota);
	}

	static FreshKey issueBy(Suite suite, String issuerSecret, String role, int quota) {
		SuiteApi.IssuedKey key = suite.api()
			.createKey(issuerSecret, "trust " + role + " " + UUID.randomUUID().toString().substring(0, 8), role, quota,
					6000);
		suite.remember(key.secret());
		return new FreshKey(suite, key, quota);
	}

	String secret() {
		return this.key.secret();
	}

	String id() {
		return this.key.id();
	}

	int quota() {
		return this.quota;
	}

	/** The units charged today and not refunded, as the key manager counts them. */
	int usedToday() {
		SuiteApi.Answer answer = this.api.json("GET", "/api/v1/keys/" + id(), this.suite.superAdminKey(), null);
		assertThat(answer.status()).as("the key as the super admin sees it: %s", answer).isEqualTo(200);
		return answer.body().get("used_today").asInt();
	}

	/** The key's own jobs, newest first (at most 100). */
	List<JsonNode> jobs() {
		SuiteApi.Answer answer = this.api.json("GET", "/api/v1/staging/jobs?size=100", secret(), null);
		assertThat(answer.status()).as("the key's jobs: %s", answer).isEqualTo(200);
		List<JsonNode> jobs = new ArrayList<>();
		answer.body().get("items").forEach(jobs::add);
		return jobs;
	}

	/** {@code remaining_today} as the gateway's {@code /api/v1/me} tells it. */
	int remainingToday() {
		SuiteApi.Answer answer = this.api.json("GET", "/api/v1/me", secret(), null);
		assertThat(answer.status()).as("/api/v1/me: %s", answer).isEqualTo(200);
		return answer.body().get("remaining_today").asInt();
	}

	/**
	 * Nothing charged (the key manager's {@code used_today} is 0 and the gateway's
	 * {@code remaining_today} the whole quota, given a moment to settle), nothing made
	 * (no job, and no prompt carrying the marker reached the simulator).
	 */
	void assertNothingChargedOrMade(String marker) {
		Awaitility.await("nothing charged to or made for " + id())
			.atMost(Duration.ofSeconds(3))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> {
				assertThat(usedToday()).as("units charged to the key").isZero();
				assertThat(jobs()).as("jobs of the key").isEmpty();
				assertThat(remainingToday()).as("remaining_today at the gateway").isEqualTo(this.quota);
			});
		if (marker != null) {
			for (String simulator : this.suite.simulatorUrls()) {
				assertThat(history(simulator)).as("prompts the simulator %s received", simulator)
					.doesNotContain(marker);
			}
		}
	}

	/** The secrets an answer to this key must never show. */
	List<String> secrets() {
		List<String> secrets = new ArrayList<>(this.suite.internalSecrets());
		secrets.add(this.suite.superAdminKey());
		secrets.add(secret());
		return secrets;
	}

	static String history(String simulator) {
		return EndToEndJobs.send(HTTP, HttpRequest.newBuilder(URI.create(simulator + "/history")).build()).body();
	}

}
