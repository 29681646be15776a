package io.vstage.staging.job;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.vstage.staging.IntegrationTestSupport;
import io.vstage.staging.StagingApi;
import io.vstage.staging.StagingApi.Reply;
import io.vstage.staging.TestTokens;

import static io.vstage.staging.StagingApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

class BadInputIntegrationTests extends IntegrationTestSupport {

	private static final String USER = TestTokens.user("bad-input-user");

	private static final Map<String, Object> VALID = fields("room_type", "living_room", "style", "modern");

	@Test
	void requestWithoutTokenIsUnauthenticated() {
		Reply reply = api().submit(null, VALID, TestImages.jpeg(64, 48));
		assertProblem(reply, 401, "unauthenticated");
	}

	@Test
	void tokenForAnotherAudienceIsUnauthenticated() {
		String token = TestTokens.token("k", "user", null, "key-manager", TestTokens.SECRET, 60);
		assertProblem(api().get("/api/v1/staging/jobs", token), 401, "unauthenticated");
	}

	@Test
	void forgedTokenIsUnauthenticated() {
		String token = TestTokens.token("k", "user", null, "staging-backend", "another-secret-0123456789abcdefghij",
				60);
		assertProblem(api().get("/api/v1/staging/jobs", token), 401, "unauthenticated");
	}

	@Test
	void requestWithoutFileIsRejected() {
		assertProblem(api().submit(USER, VALID), 422, "invalid-field");
	}

	@Test
	void moreThanTwentyFilesAreRejected() {
		byte[][] files = new byte[21][];
		for (int i = 0; i < files.length; i++) {
			files[i] = TestImages.jpeg(16, 16);
		}
		assertProblem(api().submit(USER, VALID, files), 400, "too-many-files");
	}

	@Test
	void fileOverTheSizeLimitIsContentTooLarge() {
		byte[] big = new byte[21 * 1024 * 1024];
		System.arraycopy(TestImages.jpeg(64, 48), 0, big, 0, 100);
		assertProblem(api().submit(USER, VALID, big), 413, "upload-too-large");
	}

	@Test
	void textNamedJpegIsUnsupportedMediaType() {
		assertProblem(api().submit(USER, VALID, "hello, I am not an image".getBytes()), 415, "unsupported-image");
	}

	@Test
	void imageOverFortyMegapixelsIsUnprocessable() {
		assertProblem(api().submit(USER, VALID, TestImages.pngDeclaring(10_000, 10_000)), 422, "image-too-many-pixels");
	}

	@Test
	void headerThatLiesAboutItsSizeIsUnprocessable() {
		assertProblem(api().submit(USER, VALID, TestImages.pngWithLyingSmallHeader()), 422, "image-header-mismatch");
	}

	@Test
	void truncatedImageIsUnprocessable() {
		assertProblem(api().submit(USER, VALID, TestImages.truncated(TestImages.jpeg(300, 200))), 422,
				"image-truncated");
	}

	@Test
	void unknownRoomTypeIsUnprocessable() {
		assertProblem(api().submit(USER, fields("room_type", "dungeon", "style", "modern"), TestImages.jpeg(64, 48)),
				422, "unknown-room-type");
	}

	@Test
	void unknownStyleIsUnprocessable() {
		assertProblem(api().submit(USER, fields("room_type", "bedroom", "style", "baroque"), TestImages.jpeg(64, 48)),
				422, "unknown-style");
	}

	@Test
	void unknownWorkflowIsUnprocessable() {
		Map<String, Object> form = fields("room_type", "bedroom", "style", "modern", "workflow", "nope");
		assertProblem(api().submit(USER, form, TestImages.jpeg(64, 48)), 422, "unknown-workflow");
	}

	@Test
	void numImagesOutOfRangeIsUnprocessable() {
		Map<String, Object> zero = fields("room_type", "bedroom", "style", "modern", "num_images", 0);
		Map<String, Object> eleven = fields("room_type", "bedroom", "style", "modern", "num_images", 11);
		assertProblem(api().submit(USER, zero, TestImages.jpeg(64, 48)), 422, "invalid-field");
		assertProblem(api().submit(USER, eleven, TestImages.jpeg(64, 48)), 422, "invalid-field");
	}

	@Test
	void promptOverTheLimitIsUnprocessable() {
		Map<String, Object> form = fields("room_type", "bedroom", "style", "modern", "prompt", "x".repeat(1001));
		assertProblem(api().submit(USER, form, TestImages.jpeg(64, 48)), 422, "prompt-too-long");
	}

	@Test
	void webhookThatIsNotHttpIsUnprocessable() {
		Map<String, Object> form = fields("room_type", "bedroom", "style", "modern", "webhook_url",
				"file:///etc/passwd");
		assertProblem(api().submit(USER, form, TestImages.jpeg(64, 48)), 422, "unsafe-webhook-url");
	}

	@Test
	void unknownJobIsNotFound() {
		assertProblem(api().get("/api/v1/staging/jobs/00000000-0000-0000-0000-000000000000", USER), 404,
				"job-not-found");
	}

	@Test
	void pagingOutsideItsRangeIsAnInvalidFieldNotClampedOrAServerError() {
		for (String query : new String[] { "page=-1", "page=2147483647", "size=0", "size=-5", "size=1000000" }) {
			assertProblem(api().get("/api/v1/staging/jobs?" + query, USER), 422, "invalid-field");
		}
		assertThat(api().get("/api/v1/staging/jobs?page=0&size=100", USER).status()).isEqualTo(200);
	}

	@Test
	void compatibilityEndpointRejectsMissingFileToo() {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("style", "modern");
		assertProblem(api().post("/api/virtual-staging/generate", USER, form), 422, "invalid-field");
	}

	@Test
	void engineListIsForAdminsOnly() {
		assertProblem(api().get("/api/v1/staging/engines", USER), 403, "forbidden");
	}

	@Test
	void clientFileNamesNeverReachTheFileSystem() {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("room_type", "bedroom");
		form.add("style", "modern");
		form.add("image", StagingApi.filePart("../../../evil.jpg", TestImages.truncated(TestImages.jpeg(64, 48))));
		assertProblem(api().post("/api/v1/staging/jobs", USER, form), 422, "image-truncated");
		assertThat(DATA.resolve("evil.jpg")).doesNotExist();
		assertThat(DATA.getParent().resolve("evil.jpg")).doesNotExist();
	}

	private static void assertProblem(Reply reply, int status, String slug) {
		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
		assertThat(reply.problemType()).isEqualTo("https://vstage.io/problems/" + slug);
		assertThat(reply.body().has("trace")).isFalse();
	}

}
