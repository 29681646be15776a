package io.vstage.keys;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear 4xx problem with the offending field, never a 500. */
class InputValidationIntegrationTests extends SqliteIntegrationTests {

	@Test
	void unknownFieldsAreRejected() {
		assertInvalid(issue(Jwts.superAdmin(), "user", Map.of("is_admin", true)), "is_admin");
	}

	@Test
	void wrongTypesAreRejected() {
		assertInvalid(issue(Jwts.superAdmin(), "user", Map.of("daily_quota", "lots")), "daily_quota");
	}

	@Test
	void emailsThatAreNotEmailsAreRejected() {
		assertInvalid(issue(Jwts.superAdmin(), "user", Map.of("owner_email", "not an email")), "owner_email");
		assertInvalid(issue(Jwts.superAdmin(), "user", Map.of("owner_email", "a@b")), "owner_email");
	}

	@Test
	void namesOverOneHundredCharactersAreRejected() {
		assertInvalid(issue(Jwts.superAdmin(), "user", Map.of("name", "n".repeat(101))), "name");
		assertThat(issue(Jwts.superAdmin(), "user", Map.of("name", "n".repeat(100))).status()).isEqualTo(201);
	}

	@Test
	void limitsOutOfRangeAreRejected() {
		assertInvalid(issue(Jwts.superAdmin(), "user", Map.of("rate_limit_per_minute", 0)), "rate_limit_per_minute");
		assertInvalid(issue(Jwts.superAdmin(), "user", Map.of("rate_limit_per_minute", 100_001)),
				"rate_limit_per_minute");
		assertInvalid(issue(Jwts.superAdmin(), "user", Map.of("daily_quota", -1)), "daily_quota");
		assertInvalid(issue(Jwts.superAdmin(), "user", Map.of("daily_quota", 1_000_001)), "daily_quota");
		assertThat(issue(Jwts.superAdmin(), "user", Map.of("daily_quota", 0)).status()).isEqualTo(201);
	}

	@Test
	void expiryInThePastIsRejected() {
		assertInvalid(issue(Jwts.superAdmin(), "user", Map.of("expires_at", Instant.now().minusSeconds(60).toString())),
				"expires_at");
	}

	@Test
	void unknownRoleIsRejected() {
		assertInvalid(issue(Jwts.superAdmin(), "root", Map.of()), "role");
	}

	@Test
	void gracePeriodsOutOfRangeAreRejected() {
		String id = issued("user", Map.of()).text("id");
		assertInvalid(
				api().post("/api/v1/keys/" + id + "/rotate", Jwts.superAdmin(), "{\"grace_period_seconds\":86401}"),
				"grace_period_seconds");
		assertInvalid(api().post("/api/v1/keys/" + id + "/rotate", Jwts.superAdmin(), "{\"grace_period_seconds\":-1}"),
				"grace_period_seconds");
	}

	@Test
	void patchCannotChangeTheRoleOrBlankTheName() {
		String id = issued("user", Map.of()).text("id");
		assertInvalid(api().send("PATCH", "/api/v1/keys/" + id, Jwts.superAdmin(), "{\"role\":\"admin\"}"), "role");
		assertInvalid(api().send("PATCH", "/api/v1/keys/" + id, Jwts.superAdmin(), "{\"name\":\"  \"}"), "name");
	}

	@Test
	void malformedJsonIsABadRequest() {
		Api.Reply reply = api().post("/api/v1/keys", Jwts.superAdmin(), "{\"name\": ");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.text("type")).isEqualTo("https://vstage.io/problems/malformed-json");
	}

	@Test
	void oversizedJsonIsRejected() {
		String body = "{\"name\":\"x\",\"owner_email\":\"a@example.com\",\"role\":\"user\",\"metadata\":{\"blob\":\""
				+ "x".repeat(70 * 1024) + "\"}}";
		Api.Reply reply = api().post("/api/v1/keys", Jwts.superAdmin(), body);
		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.text("type")).isEqualTo("https://vstage.io/problems/payload-too-large");
	}

	@Test
	void badQueryParametersAreRejected() {
		assertThat(api().get("/api/v1/keys?size=1000", Jwts.superAdmin()).status()).isEqualTo(422);
		assertThat(api().get("/api/v1/keys?status=sleeping", Jwts.superAdmin()).status()).isEqualTo(422);
		String id = issued("user", Map.of()).text("id");
		assertThat(api().get("/api/v1/keys/" + id + "/usage?from=2026-02-01&to=2026-01-01", Jwts.superAdmin()).status())
			.isEqualTo(422);
		assertThat(api().get("/api/v1/keys/" + id + "/usage?from=yesterday", Jwts.superAdmin()).status())
			.isEqualTo(422);
	}

	private static void assertInvalid(Api.Reply reply, String field) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(422);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.text("type")).isEqualTo("https://vstage.io/problems/invalid-request");
		assertThat(reply.json().path("errors").valueStream().map((e) -> e.path("field").asString())).contains(field);
	}

}
