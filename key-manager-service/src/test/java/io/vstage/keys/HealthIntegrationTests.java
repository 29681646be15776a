package io.vstage.keys;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health is public but says only up or down; its details (disk path, free space,
 * database) are for the suite's services.
 */
class HealthIntegrationTests extends SqliteIntegrationTests {

	private static final List<String> HEALTH = List.of("/actuator/health", "/actuator/health/liveness",
			"/actuator/health/readiness");

	@Test
	void publicHealthSaysOnlyTheStatus() {
		for (String path : HEALTH) {
			Api.Reply reply = api().get(path, null);
			assertThat(reply.status()).as(path).isEqualTo(200);
			assertThat(reply.json().propertyNames()).as(path + " " + reply.body()).containsExactly("status");
			assertThat(reply.text("status")).isEqualTo("UP");
		}
		assertThat(api().get("/actuator/health/diskSpace", null).status()).isEqualTo(404);
	}

	@Test
	void aServiceTokenSeesTheDetails() {
		Api.Reply reply = api().get("/actuator/health", Jwts.service());
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("components").path("diskSpace").path("details").has("free")).as(reply.body())
			.isTrue();
		assertThat(reply.json().path("components").has("db")).isTrue();
	}

	@Test
	void aKeyHoldersTokenSeesOnlyTheStatus() {
		Api.Reply reply = api().get("/actuator/health", Jwts.forKey("some-key", "admin"));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().propertyNames()).as(reply.body()).containsExactly("status");
	}

}
