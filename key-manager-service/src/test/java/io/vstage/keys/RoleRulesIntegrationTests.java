package io.vstage.keys;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The role table of the design over real HTTP: every row, allowed and denied. */
class RoleRulesIntegrationTests extends SqliteIntegrationTests {

	@Test
	void userSeesOnlyMe() {
		Api.Reply user = issued("user", Map.of("daily_quota", 5));
		String token = Jwts.forKey(user.text("id"), "user");
		Api.Reply me = api().get("/api/v1/me", token);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.text("key_id")).isEqualTo(user.text("id"));
		assertThat(me.json().path("remaining_today").asInt()).isEqualTo(5);
		assertThat(issue(token, "user", Map.of()).status()).isEqualTo(403);
		assertThat(api().get("/api/v1/keys", token).status()).isEqualTo(403);
		assertThat(api().get("/api/v1/keys/" + user.text("id"), token).status()).isEqualTo(403);
		assertThat(api().post("/api/v1/keys/" + user.text("id") + "/revoke", token, null).status()).isEqualTo(403);
		assertThat(api().get("/api/v1/audit", token).status()).isEqualTo(403);
	}

	@Test
	void adminCreatesUserKeysButNotAdminOrSuperadminKeys() {
		String admin = adminToken();
		assertThat(issue(admin, "user", Map.of()).status()).isEqualTo(201);
		assertThat(issue(admin, "admin", Map.of()).status()).isEqualTo(403);
		assertThat(issue(admin, "superadmin", Map.of()).status()).isEqualTo(403);
		assertThat(api().get("/api/v1/me", admin).text("role")).isEqualTo("admin");
	}

	@Test
	void adminManagesOnlyUserKeysItCreated() {
		String admin = adminToken();
		String own = issue(admin, "user", Map.of()).text("id");
		String others = issued("user", Map.of()).text("id");
		String otherAdmin = issued("admin", Map.of()).text("id");
		for (String id : new String[] { own }) {
			assertThat(api().get("/api/v1/keys/" + id, admin).status()).isEqualTo(200);
			assertThat(api().get("/api/v1/keys/" + id + "/usage", admin).status()).isEqualTo(200);
			assertThat(api().send("PATCH", "/api/v1/keys/" + id, admin, "{\"name\":\"renamed\"}").status())
				.isEqualTo(200);
			assertThat(api().post("/api/v1/keys/" + id + "/rotate", admin, null).status()).isEqualTo(200);
			assertThat(api().post("/api/v1/keys/" + id + "/revoke", admin, null).status()).isEqualTo(200);
		}
		for (String id : new String[] { others, otherAdmin }) {
			assertThat(api().get("/api/v1/keys/" + id, admin).status()).isEqualTo(403);
			assertThat(api().get("/api/v1/keys/" + id + "/usage", admin).status()).isEqualTo(403);
			assertThat(api().send("PATCH", "/api/v1/keys/" + id, admin, "{\"name\":\"renamed\"}").status())
				.isEqualTo(403);
			assertThat(api().post("/api/v1/keys/" + id + "/rotate", admin, null).status()).isEqualTo(403);
			assertThat(api().post("/api/v1/keys/" + id + "/revoke", admin, null).status()).isEqualTo(403);
		}
		Api.Reply listed = api().get("/api/v1/keys?size=200", admin);
		assertThat(listed.json().path("items").valueStream().map((k) -> k.path("id").asString())).contains(own)
			.doesNotContain(others, otherAdmin);
	}

	@Test
	void onlySuperAdminDeletesKeysAndReadsTheAuditLog() {
		String admin = adminToken();
		String own = issue(admin, "user", Map.of()).text("id");
		assertThat(api().send("DELETE", "/api/v1/keys/" + own, admin, null).status()).isEqualTo(403);
		assertThat(api().get("/api/v1/audit", admin).status()).isEqualTo(403);
		assertThat(api().get("/api/v1/audit", Jwts.superAdmin()).status()).isEqualTo(200);
		assertThat(api().send("DELETE", "/api/v1/keys/" + own, Jwts.superAdmin(), null).status()).isEqualTo(204);
		assertThat(api().get("/api/v1/keys/" + own, Jwts.superAdmin()).status()).isEqualTo(404);
	}

	@Test
	void superAdminManagesAnyKeyAndCreatesAdminsButNoSuperadmins() {
		String admin = adminToken();
		String byAdmin = issue(admin, "user", Map.of()).text("id");
		String adminKey = issued("admin", Map.of()).text("id");
		String superAdmin = Jwts.superAdmin();
		for (String id : new String[] { byAdmin, adminKey }) {
			assertThat(api().get("/api/v1/keys/" + id, superAdmin).status()).isEqualTo(200);
			assertThat(api().send("PATCH", "/api/v1/keys/" + id, superAdmin, "{\"daily_quota\":3}").status())
				.isEqualTo(200);
			assertThat(api().post("/api/v1/keys/" + id + "/rotate", superAdmin, null).status()).isEqualTo(200);
			assertThat(api().post("/api/v1/keys/" + id + "/revoke", superAdmin, null).status()).isEqualTo(200);
		}
		assertThat(issue(superAdmin, "superadmin", Map.of()).status()).isEqualTo(403);
	}

	private String adminToken() {
		return Jwts.forKey(issued("admin", Map.of()).text("id"), "admin");
	}

}
