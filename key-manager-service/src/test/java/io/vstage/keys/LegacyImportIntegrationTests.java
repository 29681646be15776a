package io.vstage.keys;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.stream.Collectors;

import io.vstage.keys.key.KeySecret;
import io.vstage.keys.legacy.ImportSummary;
import io.vstage.keys.legacy.LegacyImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports a database built from the first version's schema (written down in
 * {@code legacy/api_keys-schema.sql}), then authenticates with the old keys unchanged.
 */
class LegacyImportIntegrationTests extends SqliteIntegrationTests {

	private static final String SCHEMA = "/legacy/api_keys-schema.sql";

	/** Published in the first version's QUICK_REFERENCE.md and ONBOARDING.md. */
	private static final String PUBLISHED_KEY = "sk-proj-superadmin-iRskCpsLWvWjAWAfqVYEZXkACrJmtYr-";

	@Autowired
	LegacyImporter importer;

	@TempDir
	Path dir;

	@Test
	void importedKeysAuthenticateUnchangedAndImportingTwiceImportsNothingTwice() throws Exception {
		String active = legacyKey();
		String revoked = legacyKey();
		String noRole = legacyKey();
		Path db = this.dir.resolve("api_keys.db");
		try (Connection legacy = DriverManager.getConnection("jdbc:sqlite:" + db)) {
			createSchema(legacy);
			insertKey(legacy, active, "Old active <b>key</b>", "active", "admin", "2025-09-12T14:03:11.123456", 30, 20,
					7, LocalDate.now(ZoneId.of("UTC")).toString());
			insertKey(legacy, revoked, "Old revoked", "revoked", "user", "2025-09-12 14:03:11", 60, 100, 0,
					"2025-09-12");
			insertKey(legacy, noRole, "Old no role", "active", null, "2025-09-13 08:00:00", 60, 100, 0, "2025-09-13");
			try (Statement statement = legacy.createStatement()) {
				statement.execute("INSERT INTO usage_logs (api_key_id, service_name, request_timestamp, "
						+ "response_time_ms, success) VALUES (1, 'virtual-staging', '2025-09-12 15:00:00', 1200, 1),"
						+ " (1, 'virtual-staging', '2025-09-12T15:05:00.5', 900, 0)");
			}
		}
		ImportSummary first = this.importer.importFrom(db, ZoneId.of("UTC"));
		assertThat(first.keysImported()).isEqualTo(3);
		assertThat(first.usageImported()).isEqualTo(2);

		Api.Reply valid = authenticate(active);
		assertThat(valid.text("outcome")).isEqualTo("valid");
		assertThat(valid.text("key_hash")).isEqualTo(KeySecret.sha256Hex(active));
		assertThat(valid.json().path("principal").path("role").asString()).isEqualTo("admin");
		assertThat(valid.json().path("principal").path("rate_limit_per_minute").asInt()).isEqualTo(30);
		assertThat(valid.json().path("principal").path("remaining_today").asInt()).isEqualTo(13);
		assertThat(authenticate(revoked).text("outcome")).isEqualTo("revoked");
		Api.Reply userByDefault = authenticate(noRole);
		assertThat(userByDefault.json().path("principal").path("role").asString()).isEqualTo("user");

		String keyId = valid.json().path("principal").path("key_id").asString();
		Api.Reply key = api().get("/api/v1/keys/" + keyId, Jwts.superAdmin());
		assertThat(key.text("name")).isEqualTo("Old active <b>key</b>");
		assertThat(key.text("prefix")).isEqualTo(active.substring(0, 12) + "...");
		assertThat(key.text("created_at")).isEqualTo("2025-09-12T14:03:11.123Z");
		Api.Reply usage = api().get("/api/v1/keys/" + keyId + "/usage?from=2025-09-12&to=2025-09-12",
				Jwts.superAdmin());
		assertThat(usage.json().path("requests").asInt()).isEqualTo(2);
		assertThat(usage.json().path("success_rate").asDouble()).isEqualTo(0.5);
		assertThat(api().get("/api/v1/audit?action=key.import&target=" + keyId, Jwts.superAdmin())
			.json()
			.path("total")
			.asInt()).isEqualTo(1);

		ImportSummary second = this.importer.importFrom(db, ZoneId.of("UTC"));
		assertThat(second).isEqualTo(new ImportSummary(0, 3, 0, 2, 0));
		assertThat(authenticate(active).text("outcome")).isEqualTo("valid");
	}

	@Test
	void aKeyTheFirstVersionPublishedIsImportedRevoked() throws Exception {
		Path db = this.dir.resolve("published.db");
		try (Connection legacy = DriverManager.getConnection("jdbc:sqlite:" + db)) {
			createSchema(legacy);
			insertKey(legacy, PUBLISHED_KEY, "Super admin", "active", "superadmin", "2025-09-01 09:00:00", 1000, 100000,
					0, "2025-09-01");
		}
		ImportSummary summary = this.importer.importFrom(db, ZoneId.of("UTC"));
		assertThat(summary.keysImported()).isEqualTo(1);
		assertThat(summary.publishedKeysRevoked()).isEqualTo(1);
		assertThat(authenticate(PUBLISHED_KEY).text("outcome")).isEqualTo("revoked");
		Api.Reply revoked = api().get("/api/v1/keys?status=revoked&q=Super%20admin", Jwts.superAdmin());
		assertThat(revoked.json().path("items").valueStream().map((key) -> key.path("prefix").asString()))
			.contains(PUBLISHED_KEY.substring(0, 12) + "...");
	}

	private static String legacyKey() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return "sk-proj-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static void createSchema(Connection legacy) throws Exception {
		String sql;
		try (InputStream schema = LegacyImportIntegrationTests.class.getResourceAsStream(SCHEMA)) {
			assertThat(schema).as(SCHEMA).isNotNull();
			sql = new String(schema.readAllBytes(), StandardCharsets.UTF_8);
		}
		sql = sql.lines().filter((line) -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
		try (Statement statement = legacy.createStatement()) {
			for (String part : sql.split(";")) {
				if (!part.isBlank()) {
					statement.execute(part);
				}
			}
		}
	}

	private static void insertKey(Connection legacy, String key, String name, String status, String role,
			String createdAt, int rateLimit, int dailyQuota, int usage, String lastReset) throws Exception {
		try (PreparedStatement insert = legacy.prepareStatement("INSERT INTO api_keys (key_hash, key_prefix, name, "
				+ "status, user_email, organization, role, created_at, rate_limit, daily_quota, current_daily_usage, "
				+ "last_quota_reset) VALUES (?, ?, ?, ?, 'old@example.com', 'Old Org', ?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, KeySecret.sha256Hex(key));
			insert.setString(2, key.substring(0, 12) + "...");
			insert.setString(3, name);
			insert.setString(4, status);
			insert.setString(5, role);
			insert.setString(6, createdAt);
			insert.setInt(7, rateLimit);
			insert.setInt(8, dailyQuota);
			insert.setInt(9, usage);
			insert.setString(10, lastReset);
			insert.executeUpdate();
		}
	}

}
