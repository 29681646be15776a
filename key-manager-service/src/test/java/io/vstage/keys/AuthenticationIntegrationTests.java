package io.vstage.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Authentication of keys through the internal API, on a real SQLite file over real HTTP.
 */
class AuthenticationIntegrationTests extends SqliteIntegrationTests {

	@Test
	void newKeyAuthenticatesWithItsPrincipal() {
		Api.Reply key = issued("user", Map.of("daily_quota", 7, "rate_limit_per_minute", 30));
		Api.Reply reply = authenticate(key.text("api_key"));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text("outcome")).isEqualTo("valid");
		assertThat(reply.text("key_hash")).hasSize(64);
		assertThat(reply.json().path("principal").path("key_id").asString()).isEqualTo(key.text("id"));
		assertThat(reply.json().path("principal").path("role").asString()).isEqualTo("user");
		assertThat(reply.json().path("principal").path("daily_quota").asInt()).isEqualTo(7);
		assertThat(reply.json().path("principal").path("remaining_today").asInt()).isEqualTo(7);
		assertThat(reply.json().path("principal").path("rate_limit_per_minute").asInt()).isEqualTo(30);
		assertThat(reply.json().path("principal").has("valid_until")).isTrue();
	}

	/**
	 * Other services need who issued a key to apply "an admin manages what the user keys
	 * it issued do".
	 */
	@Test
	void thePrincipalSaysWhoIssuedTheKey() {
		Api.Reply admin = issued("admin", Map.of());
		Api.Reply user = issue(Jwts.forKey(admin.text("id"), "admin"), "user", Map.of());
		assertThat(user.status()).as(user.body()).isEqualTo(201);
		assertThat(authenticate(user.text("api_key")).json().path("principal").path("issued_by").asString())
			.isEqualTo(admin.text("id"));
		assertThat(authenticate(admin.text("api_key")).json().path("principal").path("issued_by").asString())
			.isEqualTo("superadmin");
		Api.Reply superAdmin = authenticate(Jwts.SUPER_ADMIN_KEY);
		assertThat(superAdmin.json().path("principal").has("issued_by")).as(superAdmin.body()).isTrue();
		assertThat(superAdmin.json().path("principal").path("issued_by").isNull()).isTrue();
	}

	@Test
	void superAdminKeyIsUnlimited() {
		Api.Reply reply = authenticate(Jwts.SUPER_ADMIN_KEY);
		assertThat(reply.text("outcome")).isEqualTo("valid");
		assertThat(reply.json().path("principal").path("key_id").asString()).isEqualTo("superadmin");
		assertThat(reply.json().path("principal").path("daily_quota").isNull()).isTrue();
		assertThat(reply.json().path("principal").path("remaining_today").isNull()).isTrue();
		assertThat(reply.json().path("principal").path("rate_limit_per_minute").asInt()).isEqualTo(100_000);
	}

	@Test
	void malformedAndUnknownKeysAreTold() {
		String key = issued("user", Map.of()).text("api_key");
		String flipped = key.substring(0, 10) + (key.charAt(10) == 'a' ? 'b' : 'a') + key.substring(11);
		assertThat(authenticate(flipped).text("outcome")).isEqualTo("malformed");
		assertThat(authenticate("hello").text("outcome")).isEqualTo("malformed");
		assertThat(authenticate("sk-proj-" + "A".repeat(43)).text("outcome")).isEqualTo("unknown");
		assertThat(authenticate("sk-proj-" + "A".repeat(43)).json().has("principal")).isFalse();
	}

	@Test
	void revokedKeyIsRejectedAndTheChangeFeedReportsIt() {
		Api.Reply key = issued("user", Map.of());
		String id = key.text("id");
		assertThat(authenticate(key.text("api_key")).text("outcome")).isEqualTo("valid");
		long head = api().get("/internal/v1/keys/changes/head", Jwts.service()).json().path("cursor").asLong();
		assertThat(api().post("/api/v1/keys/" + id + "/revoke", Jwts.superAdmin(), null).text("status"))
			.isEqualTo("revoked");
		assertThat(authenticate(key.text("api_key")).text("outcome")).isEqualTo("revoked");
		Api.Reply changes = api().get("/internal/v1/keys/changes?after=" + head, Jwts.service());
		assertThat(changes.json()
			.path("changes")
			.valueStream()
			.filter((c) -> c.path("key_id").asString().equals(id))
			.map((c) -> c.path("kind").asString())).containsExactly("revoked");
		assertThat(changes.json().path("cursor").asLong()).isGreaterThan(head);
		assertThat(api().get("/internal/v1/keys/changes/head", Jwts.service()).json().path("cursor").asLong())
			.isEqualTo(changes.json().path("cursor").asLong());
	}

	@Test
	void rotatedSecretStaysValidForTheGracePeriodOnly() {
		Api.Reply key = issued("user", Map.of());
		String oldSecret = key.text("api_key");
		Api.Reply rotated = api().post("/api/v1/keys/" + key.text("id") + "/rotate", Jwts.superAdmin(),
				Api.json(Map.of("grace_period_seconds", 2)));
		assertThat(rotated.status()).isEqualTo(200);
		String newSecret = rotated.text("api_key");
		assertThat(newSecret).isNotEqualTo(oldSecret);
		Api.Reply old = authenticate(oldSecret);
		assertThat(old.text("outcome")).isEqualTo("valid");
		assertThat(Instant.parse(old.json().path("principal").path("valid_until").asString())).isBetween(Instant.now(),
				Instant.now().plusSeconds(3));
		assertThat(authenticate(newSecret).json().path("principal").path("valid_until").isNull()).isTrue();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(authenticate(oldSecret).text("outcome")).isEqualTo("expired"));
		assertThat(authenticate(newSecret).text("outcome")).isEqualTo("valid");
	}

	@Test
	void rotationWithoutGraceEndsTheOldSecretAtOnce() {
		Api.Reply key = issued("user", Map.of());
		Api.Reply rotated = api().post("/api/v1/keys/" + key.text("id") + "/rotate", Jwts.superAdmin(), null);
		assertThat(rotated.status()).isEqualTo(200);
		assertThat(authenticate(key.text("api_key")).text("outcome")).isIn("expired", "unknown");
		assertThat(authenticate(rotated.text("api_key")).text("outcome")).isEqualTo("valid");
	}

	@Test
	void keyStopsWorkingAtItsExpiryAndTheFeedSaysSo() {
		long head = api().get("/internal/v1/keys/changes/head", Jwts.service()).json().path("cursor").asLong();
		Api.Reply key = issued("user", Map.of("expires_at", Instant.now().plusSeconds(2).toString()));
		Api.Reply valid = authenticate(key.text("api_key"));
		assertThat(valid.text("outcome")).isEqualTo("valid");
		assertThat(valid.json().path("principal").path("valid_until").asString()).isEqualTo(key.text("expires_at"));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(authenticate(key.text("api_key")).text("outcome")).isEqualTo("expired"));
		assertThat(api().get("/api/v1/keys/" + key.text("id"), Jwts.superAdmin()).text("status")).isEqualTo("expired");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(api().get("/internal/v1/keys/changes?after=" + head, Jwts.service())
				.json()
				.path("changes")
				.valueStream()
				.anyMatch((c) -> c.path("key_id").asString().equals(key.text("id"))
						&& c.path("kind").asString().equals("expired")))
				.isTrue());
	}

	@Test
	void lastUsedIsWrittenInBatches() {
		Api.Reply key = issued("user", Map.of());
		assertThat(key.json().path("last_used_at").isNull()).isTrue();
		for (int i = 0; i < 5; i++) {
			authenticate(key.text("api_key"));
		}
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(
					api().get("/api/v1/keys/" + key.text("id"), Jwts.superAdmin()).json().path("last_used_at").isNull())
				.isFalse());
	}

}
