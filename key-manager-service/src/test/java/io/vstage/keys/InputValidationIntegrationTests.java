package io.vstage.keys;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
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

	/**
	 * Pages and dates at the edges of their types used to overflow an offset or an epoch
	 * and answer 500.
	 */
	@Test
	void pagesAndDatesAtTheEdgesOfTheirTypesAreRejected() {
		String id = issued("user", Map.of()).text("id");
		Map<String, String> fieldsByPath = new LinkedHashMap<>();
		for (String list : List.of("/api/v1/keys", "/api/v1/audit")) {
			fieldsByPath.put(list + "?page=2147483647", "page");
			fieldsByPath.put(list + "?page=2147483647&size=200", "page");
			fieldsByPath.put(list + "?page=-1", "page");
			fieldsByPath.put(list + "?page=99999999999", "page");
			fieldsByPath.put(list + "?size=0", "size");
			fieldsByPath.put(list + "?size=-1", "size");
			fieldsByPath.put(list + "?size=2147483647", "size");
		}
		fieldsByPath.put("/api/v1/audit?from=-999999999-01-01T00:00:00Z", "from");
		fieldsByPath.put("/api/v1/audit?to=%2B999999999-12-31T23:59:59Z", "to");
		for (String usage : List.of("/api/v1/keys/" + id + "/usage", "/api/v1/keys/usage")) {
			fieldsByPath.put(usage + "?from=-999999999-01-01", "from");
			fieldsByPath.put(usage + "?to=-999999999-01-01", "to");
			fieldsByPath.put(usage + "?from=-999999999-01-01&to=-999999999-01-01", "from");
			fieldsByPath.put(usage + "?to=%2B999999999-12-31", "to");
			fieldsByPath.put(usage + "?from=%2B999999999-12-31&to=%2B999999999-12-31", "from");
		}
		fieldsByPath.forEach((path, field) -> {
			Api.Reply reply = api().get(path, Jwts.superAdmin());
			assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(422);
			assertInvalid(reply, field);
		});
		assertThat(api().get("/api/v1/keys?page=10000000&size=200", Jwts.superAdmin()).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/audit?page=10000000&size=200", Jwts.superAdmin()).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/keys/" + id + "/usage?from=0001-01-01&to=0001-01-07", Jwts.superAdmin()).status())
			.isEqualTo(200);
		assertThat(api().get("/api/v1/keys/usage?from=9999-12-25&to=9999-12-31", Jwts.superAdmin()).status())
			.isEqualTo(200);
	}

	private static void assertInvalid(Api.Reply reply, String field) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(422);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.text("type")).isEqualTo("https://vstage.io/problems/invalid-request");
		assertThat(reply.json().path("errors").valueStream().map((e) -> e.path("field").asString())).contains(field);
	}

}
