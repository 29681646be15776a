package io.vstage.keys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API over real HTTP: shapes, filters, audit, and markup stored as plain text.
 */
class KeyAdminIntegrationTests extends SqliteIntegrationTests {

	@Test
	void createdKeyIsShownOnceWithADisplayPrefixOnly() {
		Api.Reply created = issued("user", Map.of("organization", "Acme", "metadata", Map.of("plan", "pro")));
		String secret = created.text("api_key");
		assertThat(secret).startsWith("vsk_").hasSize(53);
		assertThat(created.text("prefix")).isEqualTo(secret.substring(0, 12) + "...");
		assertThat(created.text("status")).isEqualTo("active");
		assertThat(created.json().path("rate_limit_per_minute").asInt()).isEqualTo(60);
		assertThat(created.json().path("daily_quota").asInt()).isEqualTo(100);
		assertThat(created.json().path("used_today").asInt()).isZero();
		assertThat(created.text("created_by")).isEqualTo("superadmin");
		assertThat(created.json().path("metadata").path("plan").asString()).isEqualTo("pro");
		Api.Reply fetched = api().get("/api/v1/keys/" + created.text("id"), Jwts.superAdmin());
		assertThat(fetched.json().has("api_key")).isFalse();
		assertThat(fetched.body()).doesNotContain(secret.substring(12));
	}

	@Test
	void markupAndSqlInNamesAreStoredAsPlainText() {
		String name = "<script>alert(1)</script>'; DROP TABLE api_keys; --";
		Api.Reply created = issued("user", Map.of("name", name, "organization", "O'Reilly & \"Sons\""));
		assertThat(created.text("name")).isEqualTo(name);
		Api.Reply found = api().get("/api/v1/keys?q=DROP%20TABLE&size=200", Jwts.superAdmin());
		assertThat(found.json().path("items").valueStream().map((k) -> k.path("name").asString())).contains(name);
		Api.Reply wildcard = api().get("/api/v1/keys?q=%25%25%25no-such-name", Jwts.superAdmin());
		assertThat(wildcard.json().path("items").isEmpty()).isTrue();
	}

	@Test
	void listFiltersByRoleStatusAndEmailWithPaging() {
		String email = "filter-" + UUID.randomUUID() + "@example.com";
		issued("user", Map.of("owner_email", email));
		String admin = issued("admin", Map.of("owner_email", email)).text("id");
		String revoked = issued("user", Map.of("owner_email", email)).text("id");
		api().post("/api/v1/keys/" + revoked + "/revoke", Jwts.superAdmin(), null);
		String base = "/api/v1/keys?email=" + email;
		assertThat(api().get(base, Jwts.superAdmin()).json().path("total").asInt()).isEqualTo(3);
		assertThat(api().get(base + "&role=admin", Jwts.superAdmin()).json().path("items").get(0).path("id").asString())
			.isEqualTo(admin);
		assertThat(api().get(base + "&status=revoked", Jwts.superAdmin())
			.json()
			.path("items")
			.get(0)
			.path("id")
			.asString()).isEqualTo(revoked);
		Api.Reply page = api().get(base + "&size=2&page=1", Jwts.superAdmin());
		assertThat(page.json().path("items").size()).isEqualTo(1);
		assertThat(page.json().path("total").asInt()).isEqualTo(3);
	}

	@Test
	void updateChangesOnlyGivenFieldsAndIsAuditedWithBeforeAndAfter() throws Exception {
		Api.Reply created = issued("user", Map.of("name", "before-name", "organization", "Org"));
		String id = created.text("id");
		HttpRequest patch = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/keys/" + id))
			.header("Authorization", "Bearer " + Jwts.superAdmin())
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", "203.0.113.9, 10.0.0.1")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"after-name\",\"daily_quota\":5}"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(patch, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		Api.Reply fetched = api().get("/api/v1/keys/" + id, Jwts.superAdmin());
		assertThat(fetched.text("name")).isEqualTo("after-name");
		assertThat(fetched.json().path("daily_quota").asInt()).isEqualTo(5);
		assertThat(fetched.text("organization")).isEqualTo("Org");
		Api.Reply audit = api().get("/api/v1/audit?target=" + id + "&action=key.update", Jwts.superAdmin());
		assertThat(audit.json().path("items").size()).isEqualTo(1);
		var event = audit.json().path("items").get(0);
		assertThat(event.path("actor").asString()).isEqualTo("superadmin");
		assertThat(event.path("client_address").asString()).isEqualTo("203.0.113.9");
		assertThat(event.path("before").path("name").asString()).isEqualTo("before-name");
		assertThat(event.path("after").path("name").asString()).isEqualTo("after-name");
		assertThat(event.path("after").path("daily_quota").asInt()).isEqualTo(5);
		assertThat(event.path("after").has("organization")).isFalse();
		assertThat(Instant.parse(event.path("at").asString())).isBefore(Instant.now().plusSeconds(1));
	}

	@Test
	void everyAdminActionIsAudited() {
		String id = issued("user", Map.of()).text("id");
		api().post("/api/v1/keys/" + id + "/rotate", Jwts.superAdmin(), null);
		api().post("/api/v1/keys/" + id + "/revoke", Jwts.superAdmin(), null);
		api().send("DELETE", "/api/v1/keys/" + id, Jwts.superAdmin(), null);
		Api.Reply audit = api().get("/api/v1/audit?target=" + id, Jwts.superAdmin());
		assertThat(audit.json().path("items").valueStream().map((e) -> e.path("action").asString()))
			.containsExactlyInAnyOrder("key.create", "key.rotate", "key.revoke", "key.delete");
		assertThat(audit.body()).doesNotContain("key_hash");
	}

	@Test
	void revokedKeysCannotBeRotatedNorReserveQuota() {
		String id = issued("user", Map.of()).text("id");
		api().post("/api/v1/keys/" + id + "/revoke", Jwts.superAdmin(), null);
		Api.Reply rotate = api().post("/api/v1/keys/" + id + "/rotate", Jwts.superAdmin(), null);
		assertThat(rotate.status()).isEqualTo(409);
		assertThat(rotate.text("type")).isEqualTo("https://vstage.io/problems/key-not-active");
		Api.Reply reserve = api().post("/internal/v1/quota/reservations", Jwts.service(),
				Api.json(Map.of("reservation_id", UUID.randomUUID().toString(), "key_id", id, "units", 1)));
		assertThat(reserve.status()).isEqualTo(409);
		Api.Reply unknown = api().post("/internal/v1/quota/reservations", Jwts.service(), Api.json(Map
			.of("reservation_id", UUID.randomUUID().toString(), "key_id", UUID.randomUUID().toString(), "units", 1)));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.text("type")).isEqualTo("https://vstage.io/problems/key-not-found");
	}

	@Test
	void deletedKeyNoLongerAuthenticates() {
		Api.Reply key = issued("user", Map.of());
		assertThat(authenticate(key.text("api_key")).text("outcome")).isEqualTo("valid");
		assertThat(api().send("DELETE", "/api/v1/keys/" + key.text("id"), Jwts.superAdmin(), null).status())
			.isEqualTo(204);
		assertThat(authenticate(key.text("api_key")).text("outcome")).isEqualTo("unknown");
	}

	@Test
	void unknownKeyIdIsNotFound() {
		Api.Reply reply = api().get("/api/v1/keys/" + UUID.randomUUID(), Jwts.superAdmin());
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.text("type")).isEqualTo("https://vstage.io/problems/key-not-found");
		assertThat(api().get("/api/v1/keys/not-a-uuid", Jwts.superAdmin()).status()).isEqualTo(404);
		assertThat(api().post("/api/v1/keys/" + UUID.randomUUID() + "/revoke", Jwts.superAdmin(), null).status())
			.isEqualTo(404);
	}

}
