package io.vstage.staging.job;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vstage.staging.IntegrationTestSupport;
import io.vstage.staging.JobPolling;
import io.vstage.staging.StagingApi.Reply;
import io.vstage.staging.TestTokens;

import static io.vstage.staging.StagingApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who reaches whose jobs: a user its own; an admin its own and those of the user keys it
 * issued; the super admin all. Every actor tries every action on every job; what it may
 * not reach is answered like a job that does not exist, and gives nothing away.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobAccessIntegrationTests extends IntegrationTestSupport {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	private static final Actor USER_A = new Actor("user-a-" + RUN, "user", "superadmin");

	private static final Actor USER_B = new Actor("user-b-" + RUN, "user", "admin-x-" + RUN);

	private static final Actor USER_C = new Actor("user-c-" + RUN, "user", "admin-y-" + RUN);

	private static final Actor ADMIN_X = new Actor("admin-x-" + RUN, "admin", "superadmin");

	private static final Actor ADMIN_Y = new Actor("admin-y-" + RUN, "admin", "superadmin");

	private static final Actor SUPER_ADMIN = new Actor("superadmin", "superadmin", null);

	private static final List<Actor> ACTORS = List.of(USER_A, USER_B, USER_C, ADMIN_X, ADMIN_Y, SUPER_ADMIN);

	/** The rule, written out: whose jobs each actor reaches. */
	private static final Map<Actor, Set<Actor>> REACH = Map.of(USER_A, Set.of(USER_A), USER_B, Set.of(USER_B), USER_C,
			Set.of(USER_C), ADMIN_X, Set.of(ADMIN_X, USER_B), ADMIN_Y, Set.of(ADMIN_Y, USER_C), SUPER_ADMIN,
			Set.copyOf(ACTORS));

	/** One finished job of each actor, by owner. */
	private final Map<Actor, String> jobs = new LinkedHashMap<>();

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeAll
	void everyActorHasAFinishedJob() {
		for (Actor owner : ACTORS) {
			Reply reply = api().submit(owner.token(), fields("room_type", "bedroom", "style", "modern"),
					TestImages.jpeg(64, 48));
			assertThat(reply.status()).as(reply.body().toString()).isEqualTo(202);
			this.jobs.put(owner, reply.body().path("id").asString());
		}
		this.jobs.forEach((owner, id) -> JobPolling.awaitFinished(api(), owner.token(), id));
	}

	@Test
	void readingAJobAndItsImagesFollowsTheRule() {
		for (Actor actor : ACTORS) {
			for (Actor owner : ACTORS) {
				String id = this.jobs.get(owner);
				Reply reply = api().get("/api/v1/staging/jobs/" + id, actor.token());
				String cell = actor + " reads the job of " + owner;
				if (reaches(actor, owner)) {
					assertThat(reply.status()).as(cell).isEqualTo(200);
					assertThat(reply.body().path("status").asString()).as(cell).isEqualTo("completed");
					String link = reply.body().path("images").path(0).path("url").asString();
					assertThat(link).as(cell).contains("sig=");
					assertThat(api().download(link).getStatusCode().value()).as(cell).isEqualTo(200);
					String input = reply.body().path("input_urls").path(0).asString();
					assertThat(api().download(input).getStatusCode().value()).as(cell).isEqualTo(200);
				}
				else {
					assertNotFound(reply, id, cell);
				}
			}
		}
	}

	@Test
	void cancellingAJobFollowsTheRule() {
		for (Actor actor : ACTORS) {
			for (Actor owner : ACTORS) {
				String id = this.jobs.get(owner);
				Reply reply = api().delete("/api/v1/staging/jobs/" + id, actor.token());
				String cell = actor + " cancels the job of " + owner;
				if (reaches(actor, owner)) {
					// the job is finished, so cancelling it changes nothing
					assertThat(reply.status()).as(cell).isEqualTo(200);
					assertThat(reply.body().path("status").asString()).as(cell).isEqualTo("completed");
				}
				else {
					assertNotFound(reply, id, cell);
				}
			}
		}
	}

	@Test
	void followingAJobFollowsTheRule() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (Actor actor : ACTORS) {
			for (Actor owner : ACTORS) {
				String id = this.jobs.get(owner);
				HttpResponse<String> response = http.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/staging/jobs/" + id + "/events"))
					.header("Authorization", "Bearer " + actor.token())
					.header("Accept", "text/event-stream")
					.timeout(Duration.ofSeconds(30))
					.build(), HttpResponse.BodyHandlers.ofString());
				String cell = actor + " follows the job of " + owner;
				if (reaches(actor, owner)) {
					assertThat(response.statusCode()).as(cell).isEqualTo(200);
					// a finished job's stream is its final state, then the end
					assertThat(response.body()).as(cell).contains("event:completed").contains(id).contains("sig=");
				}
				else {
					assertThat(response.statusCode()).as(cell).isEqualTo(404);
					assertThat(response.body()).as(cell).doesNotContain("sig=", "/files/", "room_type", owner.keyId());
				}
			}
		}
	}

	@Test
	void listingOwnJobsShowsOnlyOwnJobs() {
		for (Actor actor : ACTORS) {
			Reply reply = api().get("/api/v1/staging/jobs?size=100", actor.token());
			assertThat(reply.status()).as(actor.toString()).isEqualTo(200);
			assertThat(matrixJobsIn(reply)).as(actor + " lists its own jobs").containsExactly(this.jobs.get(actor));
		}
	}

	@Test
	void listingAllJobsShowsExactlyTheJobsWithinReach() {
		for (Actor actor : ACTORS) {
			Reply reply = api().get("/api/v1/staging/jobs?size=100&scope=all", actor.token());
			if (actor.role().equals("user")) {
				assertThat(reply.status()).as(actor.toString()).isEqualTo(403);
				assertThat(reply.problemType()).isEqualTo("https://vstage.io/problems/forbidden");
				assertThat(reply.body().toString()).doesNotContain("items", "sig=");
				continue;
			}
			assertThat(reply.status()).as(actor.toString()).isEqualTo(200);
			Set<String> expected = REACH.get(actor).stream().map(this.jobs::get).collect(Collectors.toSet());
			assertThat(matrixJobsIn(reply)).as(actor + " lists every job it reaches")
				.containsExactlyInAnyOrderElementsOf(expected);
			if (!actor.equals(SUPER_ADMIN)) {
				// and nothing else: not the jobs of keys it did not issue
				assertThat(reply.body().path("total").asLong()).as(actor.toString()).isEqualTo(expected.size());
			}
		}
	}

	@Test
	void aJobFromBeforeOwnerRolesWereKeptIsReachedByItsOwnerAndTheSuperAdminOnly() {
		Actor owner = new Actor("user-old-" + RUN, "user", ADMIN_X.keyId());
		String id = api()
			.submit(owner.token(), fields("room_type", "bedroom", "style", "modern", "wait", 60),
					TestImages.jpeg(64, 48))
			.body()
			.path("id")
			.asString();
		// as the migration leaves the rows it finds
		this.jdbc.update("update staging_job set owner_role = null, owner_issued_by = null where id = ?", id);
		assertThat(api().get("/api/v1/staging/jobs/" + id, owner.token()).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/staging/jobs/" + id, SUPER_ADMIN.token()).status()).isEqualTo(200);
		assertNotFound(api().get("/api/v1/staging/jobs/" + id, ADMIN_X.token()), id, "the issuer of an old job");
		assertThat(api().get("/api/v1/staging/jobs?size=100&scope=all", ADMIN_X.token()).body().toString())
			.doesNotContain(id);
	}

	private Set<String> matrixJobsIn(Reply list) {
		return list.body()
			.path("items")
			.valueStream()
			.map((job) -> job.path("id").asString())
			.filter(this.jobs::containsValue)
			.collect(Collectors.toSet());
	}

	private static boolean reaches(Actor actor, Actor owner) {
		return REACH.get(actor).contains(owner);
	}

	private static void assertNotFound(Reply reply, String id, String cell) {
		assertThat(reply.status()).as(cell).isEqualTo(404);
		assertThat(reply.problemType()).as(cell).isEqualTo("https://vstage.io/problems/job-not-found");
		JsonNode body = reply.body();
		assertThat(body.has("images") || body.has("links") || body.has("input_urls") || body.has("room_type"))
			.as(cell + ": %s", body)
			.isFalse();
		assertThat(body.toString()).as(cell).doesNotContain("sig=", "/files/", "completed");
		assertThat(body.path("detail").asString()).as(cell).isEqualTo("No job " + id + ".");
	}

	private record Actor(String keyId, String role, String issuedBy) {

		String token() {
			return TestTokens.key(this.keyId, this.role, this.issuedBy);
		}

		@Override
		public String toString() {
			return this.role + " " + this.keyId;
		}

	}

}
