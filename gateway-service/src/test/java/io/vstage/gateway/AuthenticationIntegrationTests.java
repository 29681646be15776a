package io.vstage.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keys through the whole chain against the real key manager: missing, malformed, unknown,
 * revoked, expired, and the role of each route group.
 */
class AuthenticationIntegrationTests extends GatewayIntegrationSupport {

	static final String UNKNOWN_FIRST_VERSION_KEY = "sk-proj-0123456789abcdefghijABCDEFGHIJ_-klmnopqrstu";

	@Test
	void requestWithoutKeyIsAProblem401() {
		client().get()
			.uri("/api/v1/staging/echo")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://vstage.io/problems/unauthenticated");
	}

	@Test
	void malformedKeyIsA401NamingTheShape() {
		client().get()
			.uri("/api/v1/me")
			.header("X-API-Key", "vsk_thisIsNotAKeyWithAValidChecksum0123456789abcdefghijk")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://vstage.io/problems/malformed-api-key");
	}

	@Test
	void unknownKeyIsA401() {
		client().get()
			.uri("/api/v1/me")
			.header("Authorization", "Bearer " + UNKNOWN_FIRST_VERSION_KEY)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://vstage.io/problems/invalid-api-key");
	}

	@Test
	void revokedKeyIsRefusedWithinTwoSecondsOfTheRevocation() {
		IssuedKey key = userKey();
		assertThat(status("/api/v1/me", key.secret())).isEqualTo(200);
		client().post()
			.uri("/api/v1/keys/{id}/revoke", key.id())
			.header("X-API-Key", KeyManagerProcess.SUPER_ADMIN_KEY)
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		long revokedAt = System.nanoTime();
		await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> status("/api/v1/me", key.secret()) == 401);
		assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThan(Duration.ofSeconds(2));
		client().get()
			.uri("/api/v1/me")
			.header("X-API-Key", key.secret())
			.exchange()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://vstage.io/problems/api-key-revoked");
	}

	@Test
	void expiredKeyIsRefused() {
		IssuedKey key = issueKey("user", 1000, 100, Instant.now().plusSeconds(3));
		assertThat(status("/api/v1/me", key.secret())).isEqualTo(200);
		await().atMost(Duration.ofSeconds(8))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> status("/api/v1/me", key.secret()) == 401);
		client().get()
			.uri("/api/v1/me")
			.header("X-API-Key", key.secret())
			.exchange()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://vstage.io/problems/api-key-expired");
	}

	@Test
	void userKeyMayStageButNotManageKeysReadTheAuditOrSeeEngines() {
		IssuedKey user = userKey();
		assertThat(status("/api/v1/staging/echo", user.secret())).isEqualTo(200);
		assertThat(status("/api/v1/keys", user.secret())).isEqualTo(403);
		assertThat(status("/api/v1/audit", user.secret())).isEqualTo(403);
		assertThat(status("/api/v1/staging/engines", user.secret())).isEqualTo(403);
		client().get()
			.uri("/api/v1/keys")
			.header("X-API-Key", user.secret())
			.exchange()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://vstage.io/problems/forbidden");
	}

	@Test
	void adminKeyManagesKeysButOnlyTheSuperAdminReadsTheAudit() {
		IssuedKey admin = issueKey("admin", 1000, 100, null);
		assertThat(status("/api/v1/keys", admin.secret())).isEqualTo(200);
		assertThat(status("/api/v1/staging/engines", admin.secret())).isEqualTo(200);
		assertThat(status("/api/v1/audit", admin.secret())).isEqualTo(403);
		assertThat(status("/api/v1/audit", KeyManagerProcess.SUPER_ADMIN_KEY)).isEqualTo(200);
	}

	@Test
	void meIsAnsweredByTheGatewayFromThePrincipal() {
		IssuedKey key = issueKey("user", 77, 100, null);
		client().get()
			.uri("/api/v1/me")
			.header("X-API-Key", key.secret())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.key_id")
			.isEqualTo(key.id())
			.jsonPath("$.role")
			.isEqualTo("user")
			.jsonPath("$.rate_limit_per_minute")
			.isEqualTo(77)
			.jsonPath("$.daily_quota")
			.isEqualTo(100)
			.jsonPath("$.remaining_today")
			.isEqualTo(100)
			.jsonPath("$.resets_at")
			.exists();
	}

	@Test
	void firstVersionValidationAnswersValidityRoleAndQuotaButNoOwnerDetails() {
		IssuedKey key = userKey();
		client().post()
			.uri("/api/keys/validate")
			.bodyValue(Map.of("api_key", key.secret()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.exists("RateLimit-Policy")
			.expectBody()
			.jsonPath("$.valid")
			.isEqualTo(true)
			.jsonPath("$.role")
			.isEqualTo("user")
			.jsonPath("$.remaining_today")
			.isEqualTo(100)
			.jsonPath("$.owner_email")
			.doesNotExist()
			.jsonPath("$.email")
			.doesNotExist();
		client().post()
			.uri("/api/validate")
			.bodyValue(Map.of("api_key", UNKNOWN_FIRST_VERSION_KEY))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.valid")
			.isEqualTo(false);
	}

}
