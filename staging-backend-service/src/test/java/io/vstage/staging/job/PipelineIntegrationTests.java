package io.vstage.staging.job;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.vstage.staging.IntegrationTestSupport;
import io.vstage.staging.JobPolling;
import io.vstage.staging.StagingApi;
import io.vstage.staging.StagingApi.Reply;
import io.vstage.staging.TestEngines;
import io.vstage.staging.TestTokens;

import static io.vstage.staging.StagingApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole jobs against the simulator over real HTTP and WebSocket.
 */
class PipelineIntegrationTests extends IntegrationTestSupport {

	private static final String USER = TestTokens.user("pipeline-user");

	@AfterEach
	void resetSimulator() {
		TestEngines.reset(TestEngines.simulator());
	}

	@Test
	void jogerJobDeliversEveryVariationWithLinks() throws IOException {
		Reply reply = api().submit(USER,
				fields("room_type", "living_room", "style", "modern", "num_images", 2, "seed", 1000, "wait", 60),
				TestImages.jpeg(640, 480));
		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
		JsonNode job = reply.body();
		assertThat(job.path("status").asString()).isEqualTo("completed");
		assertThat(job.path("progress").asInt()).isEqualTo(100);
		assertThat(job.path("images")).hasSize(2)
			.allSatisfy((image) -> assertThat(image.path("status").asString()).isEqualTo("done"));
		assertThat(job.path("images").path(0).path("seed").asLong()).isEqualTo(1000L);
		assertThat(job.path("images").path(1).path("seed").asLong()).isEqualTo(1000L + 1_000_003L);
		assertDownloadable(job.path("images").path(0).path("url").asString(), MediaType.IMAGE_PNG);
		assertDownloadable(job.path("images").path(0).path("jpeg_url").asString(), MediaType.IMAGE_JPEG);
		assertDownloadable(job.path("images").path(1).path("thumbnail_url").asString(), MediaType.IMAGE_JPEG);
		assertDownloadable(job.path("input_urls").path(0).asString(), MediaType.IMAGE_JPEG);
	}

	@Test
	void originalProductionWorkflowRunsToo() {
		Reply reply = api().submit(USER,
				fields("room_type", "dining_room", "style", "japandi", "workflow", "joger-original", "wait", 60),
				TestImages.png(512, 384));
		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
		assertThat(reply.body().path("status").asString()).isEqualTo("completed");
		assertThat(reply.body().path("workflow").asString()).isEqualTo("joger-original");
	}

	@Test
	void batchRunsEveryPhotoWithTheSameSettings() {
		Reply reply = api().submit(USER,
				fields("room_type", "bedroom", "style", "coastal", "num_images", 2, "wait", 60),
				TestImages.jpeg(320, 240), TestImages.png(300, 200));
		JsonNode job = reply.body();
		assertThat(job.path("status").asString()).isEqualTo("completed");
		assertThat(job.path("images")).hasSize(4);
		Set<Integer> inputs = new HashSet<>();
		job.path("images").forEach((image) -> inputs.add(image.path("input_index").asInt()));
		assertThat(inputs).containsExactlyInAnyOrder(0, 1);
		assertThat(job.path("input_urls")).hasSize(2);
	}

	@Test
	void jobAnswers202WithLinksAndCanBeListed() {
		Reply reply = api().submit(USER, fields("room_type", "kitchen", "style", "industrial"),
				TestImages.jpeg(64, 48));
		assertThat(reply.status()).isEqualTo(202);
		String id = reply.body().path("id").asString();
		assertThat(reply.body().path("links").path("events").asString())
			.isEqualTo("/api/v1/staging/jobs/" + id + "/events");
		JobPolling.awaitFinished(api(), USER, id);
		JsonNode list = api().get("/api/v1/staging/jobs?size=50", USER).body();
		assertThat(list.path("items").valueStream().map((job) -> job.path("id").asString())).contains(id);
		assertThat(api().get("/api/v1/staging/jobs/" + id, TestTokens.user("someone-else")).status()).isEqualTo(404);
		assertThat(api().get("/api/v1/staging/jobs/" + id, TestTokens.superAdmin()).status()).isEqualTo(200);
	}

	@Test
	void everyonesHistoryIsTheirOwnAndOnlyAdminsListEveryKeysJobs() {
		String issuedUser = TestTokens.key("pipeline-issued-user", "user", "admin-key");
		String id = api().submit(issuedUser, fields("room_type", "kitchen", "style", "modern"), TestImages.jpeg(64, 48))
			.body()
			.path("id")
			.asString();
		assertThat(ids(api().get("/api/v1/staging/jobs?size=100", TestTokens.admin()))).doesNotContain(id);
		assertThat(ids(api().get("/api/v1/staging/jobs?size=100&scope=all", TestTokens.admin()))).contains(id);
		assertThat(api().get("/api/v1/staging/jobs?scope=all", USER).status()).isEqualTo(403);
		assertThat(api().get("/api/v1/staging/jobs?scope=everything", USER).status()).isEqualTo(422);
		JobPolling.awaitFinished(api(), issuedUser, id);
	}

	private static java.util.List<String> ids(Reply list) {
		return list.body().path("items").valueStream().map((job) -> job.path("id").asString()).toList();
	}

	@Test
	void compatibilityEndpointAnswersTheFirstVersionsShape() {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", StagingApi.filePart("room.jpg", TestImages.jpeg(400, 300)));
		form.add("style", "Modern");
		form.add("num_images", "2");
		Reply reply = api().post("/api/virtual-staging/generate", USER, form);
		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
		assertThat(reply.body().path("success").asBoolean()).isTrue();
		assertThat(reply.body().path("results")).hasSize(2)
			.allSatisfy((result) -> assertThat(result.path("output_image_url").asString()).contains("sig="));
		assertThat(reply.body().path("metadata").path("job_id").asString()).isNotEmpty();
	}

	@Test
	void catalogAndEnginesTellTheEngineIsSimulated() {
		JsonNode catalog = api().get("/api/v1/staging/catalog", USER).body();
		assertThat(catalog.path("engine_simulated").asBoolean()).isTrue();
		assertThat(catalog.path("room_types").valueStream().map((r) -> r.path("id").asString()))
			.contains("living_room");
		assertThat(catalog.path("limits").path("max_files").asInt()).isEqualTo(20);
		JsonNode engines = api().get("/api/v1/staging/engines", TestTokens.admin()).body();
		assertThat(engines.path("engine_simulated").asBoolean()).isTrue();
		JsonNode engine = engines.path("engines").path(0);
		assertThat(engine.path("healthy").asBoolean()).isTrue();
		assertThat(engine.path("preflight").path("joger").path("ok").asBoolean()).as(engine.toString()).isTrue();
	}

	@Test
	void preflightNamesMissingModelsAndReadinessFollows() {
		TestEngines.simulator().models("upscale_models", java.util.List.of());
		try {
			JsonNode engine = api().get("/api/v1/staging/engines", TestTokens.admin()).body().path("engines").path(0);
			JsonNode joger = engine.path("preflight").path("joger");
			assertThat(joger.path("ok").asBoolean()).isFalse();
			assertThat(joger.path("missing_models").toString()).contains("4x-UltraSharp.pth")
				.contains("upscale_models");
			assertThat(api().get("/actuator/health/readiness", null).status()).isEqualTo(503);
		}
		finally {
			TestEngines.simulator().models("upscale_models", java.util.List.of("4x-UltraSharp.pth"));
			api().get("/api/v1/staging/engines", TestTokens.admin());
		}
		assertThat(api().get("/actuator/health/readiness", null).status()).isEqualTo(200);
	}

	private void assertDownloadable(String link, MediaType type) {
		ResponseEntity<byte[]> response = api().download(link);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getHeaders().getContentType()).isEqualTo(type);
		try {
			assertThat(ImageIO.read(new ByteArrayInputStream(response.getBody()))).isNotNull();
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

}
