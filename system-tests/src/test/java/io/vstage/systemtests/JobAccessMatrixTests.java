package io.vstage.systemtests;

import java.awt.Color;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may act on which job (the trust model's one rule): a user its own jobs; an admin
 * its own and those of the user keys it issued; the super admin all. A job the caller may
 * not see is {@code 404 job-not-found} to it, for reading, cancelling and its events
 * alike, with none of the job's data (above all no signed link).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobAccessMatrixTests {

	@RegisterExtension
	static final SharedSuite shared = new SharedSuite(SharedSuite.TRUST);

	/** The keys of the matrix: two admins of the super admin, each with its users. */
	private static final List<String> ACTORS = List.of("superadmin", "admin1", "user1a", "user1b", "admin2", "user2");

	/** Whose jobs each actor may reach. */
	private static final Map<String, Set<String>> MAY_REACH = Map.of("superadmin", Set.copyOf(ACTORS), "admin1",
			Set.of("admin1", "user1a", "user1b"), "user1a", Set.of("user1a"), "user1b", Set.of("user1b"), "admin2",
			Set.of("admin2", "user2"), "user2", Set.of("user2"));

	private final Map<String, String> secrets = new LinkedHashMap<>();

	private final Map<String, String> keyIds = new LinkedHashMap<>();

	private final Map<String, String> jobs = new LinkedHashMap<>();

	private Suite suite;

	@BeforeAll
	void issueKeysAndStageOneJobEach() {
		this.suite = shared.suite();
		SuiteApi api = this.suite.api();
		this.secrets.put("superadmin", this.suite.superAdminKey());
		this.keyIds.put("superadmin", "superadmin");
		issue("admin1", this.suite.superAdminKey(), "admin");
		issue("user1a", this.secrets.get("admin1"), "user");
		issue("user1b", this.secrets.get("admin1"), "user");
		issue("admin2", this.suite.superAdminKey(), "admin");
		issue("user2", this.secrets.get("admin2"), "user");
		for (String actor : ACTORS) {
			SuiteApi.Answer submitted = api.submitJob(this.secrets.get(actor),
					Photos.emptyRoom("trust-access", Color.ORANGE), 1);
			assertThat(submitted.status()).as("%s submits: %s", actor, submitted).isEqualTo(202);
			this.jobs.put(actor, submitted.body().get("id").asString());
		}
		for (String actor : ACTORS) {
			JsonNode job = EndToEndJobs.awaitEnd(api, this.secrets.get(actor), this.jobs.get(actor),
					Duration.ofSeconds(60));
			assertThat(job.get("status").asString()).as("job of %s", actor).isEqualTo("completed");
		}
	}

	private void issue(String actor, String issuer, String role) {
		SuiteApi.IssuedKey key = this.suite.api().createKey(issuer, "access " + actor, role, 50, 6000);
		this.suite.remember(key.secret());
		this.secrets.put(actor, key.secret());
		this.keyIds.put(actor, key.id());
	}

	record Cell(String actor, String owner) {

		@Override
		public String toString() {
			return this.actor + " → job of " + this.owner;
		}

	}

	List<Cell> deniedCells() {
		List<Cell> cells = new ArrayList<>();
		for (String actor : ACTORS) {
			for (String owner : ACTORS) {
				if (!MAY_REACH.get(actor).contains(owner)) {
					cells.add(new Cell(actor, owner));
				}
			}
		}
		return cells;
	}

	List<Cell> allowedCells() {
		List<Cell> cells = new ArrayList<>();
		for (String actor : ACTORS) {
			MAY_REACH.get(actor).stream().sorted().forEach((owner) -> cells.add(new Cell(actor, owner)));
		}
		return cells;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("deniedCells")
	void aJobTheCallerMayNotReachIsNotFoundForReadingCancellingAndEvents(Cell cell) {
		String key = this.secrets.get(cell.actor());
		String job = this.jobs.get(cell.owner());
		String path = "/api/v1/staging/jobs/" + job;
		for (RawHttp request : List.of(RawHttp.request("GET", path), RawHttp.request("DELETE", path),
				RawHttp.request("GET", path + "/events").header("Accept", "text/event-stream"))) {
			RawHttp.Response answer = request.key(key).send(this.suite.baseUrl());
			Refusals.assertRefused(answer, 404, "job-not-found", List.of(this.suite.superAdminKey()));
			assertThat(answer.body()).as("%s answers no job data", request.describe())
				.doesNotContain("sig=", "input_urls", "images", "room_type", "completed");
		}
		// the cancel changed nothing
		SuiteApi.Answer asOwner = this.suite.api().json("GET", path, this.secrets.get(cell.owner()), null);
		assertThat(asOwner.body().get("status").asString()).isEqualTo("completed");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("allowedCells")
	void aJobTheCallerMayReachIsServedWithItsSignedLinks(Cell cell) throws Exception {
		String key = this.secrets.get(cell.actor());
		String path = "/api/v1/staging/jobs/" + this.jobs.get(cell.owner());
		RawHttp.Response answer = RawHttp.request("GET", path).key(key).send(this.suite.baseUrl());
		assertThat(answer.status()).as("%s", answer).isEqualTo(200);
		assertThat(answer.json().get("images").get(0).get("url").asString()).contains("sig=");
		// its events: the stream opens (read only its headers)
		HttpResponse<InputStream> events = HttpClient.newHttpClient()
			.sendAsync(HttpRequest.newBuilder(URI.create(this.suite.baseUrl() + path + "/events"))
				.header("X-API-Key", key)
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofInputStream())
			.get(20, TimeUnit.SECONDS);
		events.body().close();
		assertThat(events.statusCode()).as("events of %s", cell).isEqualTo(200);
	}

	@Test
	void everyJobListedToAnAdminIsItsOwnOrOfAUserKeyItIssued() {
		assertThat(listedIds("admin1"))
			.contains(this.jobs.get("admin1"), this.jobs.get("user1a"), this.jobs.get("user1b"))
			.doesNotContain(this.jobs.get("admin2"), this.jobs.get("user2"), this.jobs.get("superadmin"));
		assertThat(listedIds("admin2")).contains(this.jobs.get("admin2"), this.jobs.get("user2"))
			.doesNotContain(this.jobs.get("admin1"), this.jobs.get("user1a"), this.jobs.get("user1b"),
					this.jobs.get("superadmin"));
		assertThat(listedIds("superadmin")).containsAll(this.jobs.values());
	}

	@Test
	void aUserMayNotListEveryKeysJobs() {
		for (String scope : List.of("all", "ALL", "All")) {
			RawHttp.Response answer = RawHttp.request("GET", "/api/v1/staging/jobs?scope=" + scope)
				.key(this.secrets.get("user1a"))
				.send(this.suite.baseUrl());
			assertThat(answer.status()).as("scope=%s: %s", scope, answer).isIn(403, 422);
			if ("all".equals(scope)) {
				assertThat(answer.problem()).as("%s", answer).isEqualTo("forbidden");
			}
			Refusals.assertProblem(answer, List.of(this.suite.superAdminKey()));
			assertThat(answer.body()).doesNotContain(this.jobs.get("user1b"), "sig=");
		}
	}

	@Test
	void anAdminReachesNeitherTheKeysNorTheUsageOfAnotherAdminsUsers() {
		SuiteApi api = this.suite.api();
		for (String path : List.of("/api/v1/keys/" + this.keyIds.get("user2"),
				"/api/v1/keys/" + this.keyIds.get("user2") + "/usage", "/api/v1/keys/" + this.keyIds.get("admin2"))) {
			SuiteApi.Answer answer = api.json("GET", path, this.secrets.get("admin1"), null);
			assertThat(answer.status()).as("%s: %s", path, answer).isIn(403, 404);
			assertThat(answer.body().toString()).doesNotContain("used_today", "owner_email");
		}
		assertThat(
				api.json("GET", "/api/v1/keys/" + this.keyIds.get("user1a"), this.secrets.get("admin1"), null).status())
			.as("the control: its own user's key")
			.isEqualTo(200);
	}

	private List<String> listedIds(String actor) {
		SuiteApi.Answer answer = this.suite.api()
			.json("GET", "/api/v1/staging/jobs?scope=all&size=100", this.secrets.get(actor), null);
		assertThat(answer.status()).as("scope=all as %s: %s", actor, answer).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		answer.body().get("items").forEach((job) -> ids.add(job.get("id").asString()));
		return ids;
	}

}
