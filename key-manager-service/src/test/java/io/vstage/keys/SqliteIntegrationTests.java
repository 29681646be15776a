package io.vstage.keys;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the full-context tests on a real SQLite file; every subclass shares one
 * application context (and one database file), so keys are created with unique names per
 * test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vstage.keys.super-admin-api-key=" + Jwts.SUPER_ADMIN_KEY,
				"vstage.keys.internal-jwt-secret=" + Jwts.SECRET, "vstage.keys.last-used-flush-interval=200ms" })
abstract class SqliteIntegrationTests {

	static final Path DATABASE = Path.of("target", "test-db", "keys-" + UUID.randomUUID() + ".db");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void sqliteFile(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + DATABASE);
	}

	Api api() {
		return new Api(this.port);
	}

	/**
	 * Issues a key as {@code token}'s caller; {@code extra} fields override the defaults.
	 */
	Api.Reply issue(String token, String role, Map<String, Object> extra) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "test key " + UUID.randomUUID());
		body.put("owner_email", "owner@example.com");
		body.put("role", role);
		body.putAll(extra);
		return api().post("/api/v1/keys", token, Api.json(body));
	}

	/** Issues a key as the super admin and checks it worked. */
	Api.Reply issued(String role, Map<String, Object> extra) {
		Api.Reply reply = issue(Jwts.superAdmin(), role, extra);
		if (reply.status() != 201) {
			throw new IllegalStateException("Could not issue a key: " + reply.body());
		}
		return reply;
	}

	Api.Reply authenticate(String apiKey) {
		return api().post("/internal/v1/keys/authenticate", Jwts.service(), Api.json(Map.of("api_key", apiKey)));
	}

}
