package io.vstage.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What reaches the services, and what the gateway answers when they fail: identity
 * headers, the internal JWT, open routes, streamed uploads, 404/502/504 problems.
 */
class RoutingIntegrationTests extends GatewayIntegrationSupport {

	@Test
	void spoofedIdentityHeadersNeverReachTheServiceButTheGatewaysJwtDoes() throws Exception {
		IssuedKey key = userKey();
		Map<?, ?> echo = client().get()
			.uri("/api/v1/staging/echo")
			.header("X-API-Key", key.secret())
			.header("X-Key-Id", "someone-else")
			.header("X-User-Role", "superadmin")
			.header("X-Forwarded-For", "6.6.6.6")
			.header("Forwarded", "for=6.6.6.6")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<String, Object> headers = stringMap(echo.get("headers"));
		assertThat(headers).doesNotContainKeys("x-key-id", "x-user-role", "x-api-key", "forwarded");
		assertThat(String.valueOf(headers.get("x-forwarded-for"))).doesNotContain("6.6.6.6");
		assertThat(headers.get("x-request-id")).isNotNull();
		SignedJWT jwt = SignedJWT.parse(headers.get("authorization").toString().substring("Bearer ".length()));
		assertThat(jwt.verify(new MACVerifier(KeyManagerProcess.JWT_SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(key.id());
		assertThat(jwt.getJWTClaimsSet().getStringClaim("role")).isEqualTo("user");
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("staging-backend");
	}

	@Test
	void eachAuthenticatedRequestBecomesAUsageEventAtTheKeyManager() {
		IssuedKey key = userKey();
		for (int i = 0; i < 3; i++) {
			assertThat(status("/api/v1/staging/echo", key.secret())).isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			Map<?, ?> usage = client().get()
				.uri("/api/v1/keys/{id}/usage", key.id())
				.header("X-API-Key", KeyManagerProcess.SUPER_ADMIN_KEY)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			assertThat(((Number) usage.get("requests")).intValue()).isEqualTo(3);
		});
	}

	@Test
	void signedFileLinksPassWithoutKeyAndWithoutJwt() {
		Map<?, ?> echo = client().get()
			.uri("/api/v1/staging/files/job-1/0.png?expires=4102444800&sig=abc")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(stringMap(echo.get("headers"))).doesNotContainKey("authorization");
		assertThat(echo.get("uri").toString()).contains("sig=abc");
	}

	@Test
	void uploadIsStreamedThroughUnchangedWithItsReservationInTheJwt() throws Exception {
		IssuedKey key = userKey();
		byte[] photo = new byte[5 * 1024 * 1024];
		new Random(7).nextBytes(photo);
		Multipart form = Multipart.generation(2, "image", photo);
		Map<?, ?> received = client().post()
			.uri("/api/v1/staging/jobs")
			.header("X-API-Key", key.secret())
			.header("Content-Type", form.contentType())
			.bodyValue(form.bytes())
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String sent = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(form.bytes()));
		assertThat(received.get("sha256")).isEqualTo(sent);
		assertThat(((Number) received.get("bytes")).longValue()).isEqualTo(form.bytes().length);
		assertThat(((Number) received.get("chunks")).intValue()).isGreaterThan(1);
		SignedJWT jwt = SignedJWT.parse(received.get("authorization").toString().substring("Bearer ".length()));
		assertThat(jwt.getJWTClaimsSet().getStringClaim("rsv")).isNotBlank();
	}

	@Test
	void firstVersionGenerateReservesForItsOneFilePartAndCarriesTheReservation() throws Exception {
		IssuedKey key = issueKey("user", 1000, 5, null);
		Multipart twoFiles = Multipart.generation(2, "file", "jpeg bytes".getBytes(StandardCharsets.US_ASCII),
				"more jpeg bytes".getBytes(StandardCharsets.US_ASCII));
		client().post()
			.uri("/api/virtual-staging/generate")
			.header("X-API-Key", key.secret())
			.header("Content-Type", twoFiles.contentType())
			.bodyValue(twoFiles.bytes())
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://vstage.io/problems/ambiguous-request");
		Multipart form = Multipart.generation(2, "file", "jpeg bytes".getBytes(StandardCharsets.US_ASCII));
		Map<?, ?> received = client().post()
			.uri("/api/virtual-staging/generate")
			.header("X-API-Key", key.secret())
			.header("Content-Type", form.contentType())
			.bodyValue(form.bytes())
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		SignedJWT jwt = SignedJWT.parse(received.get("authorization").toString().substring("Bearer ".length()));
		assertThat(jwt.getJWTClaimsSet().getStringClaim("rsv")).isNotBlank();
		assertThat(jwt.getJWTClaimsSet().getIntegerClaim("rsv_units")).isEqualTo(2);
		// 2 images of 1 photo: 2 of the 5 units are gone; the refused request took none
		client().get()
			.uri("/api/v1/me")
			.header("X-API-Key", key.secret())
			.exchange()
			.expectBody()
			.jsonPath("$.remaining_today")
			.isEqualTo(3);
	}

	@Test
	void theStagingAppAndTheAdminConsoleAreServedFromTheWebFrontendWithTheSecurityHeaders() {
		for (String page : new String[] { "/", "/admin", "/admin/" }) {
			client().get()
				.uri(page)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith("text/html")
				.expectHeader()
				.valueEquals("Content-Security-Policy",
						"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
								+ "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
								+ "frame-ancestors 'none'")
				.expectHeader()
				.valueEquals("Referrer-Policy", "no-referrer")
				.expectBody(String.class)
				.value((html) -> assertThat(html).containsIgnoringCase("<html"));
		}
	}

	@Test
	void pathWithoutRouteOrFileIsA404Problem() {
		client().get()
			.uri("/no/such/page")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType("application/problem+json")
			.expectHeader()
			.exists("Content-Security-Policy")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://vstage.io/problems/not-found");
	}

	@Test
	void internalPathsAreNeverRouted() {
		client().get()
			.uri("/internal/v1/keys/changes/head")
			.header("X-API-Key", KeyManagerProcess.SUPER_ADMIN_KEY)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void slowServiceIsA504Problem() {
		client().get()
			.uri("/api/v1/staging/slow")
			.header("X-API-Key", userKey().secret())
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://vstage.io/problems/upstream-timeout");
	}

	@Test
	void unreachableServiceIsA502Problem() {
		IssuedKey key = userKey();
		BACKEND.stop();
		try {
			client().get()
				.uri("/api/v1/staging/echo")
				.header("X-API-Key", key.secret())
				.exchange()
				.expectStatus()
				.isEqualTo(502)
				.expectHeader()
				.contentType("application/problem+json")
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://vstage.io/problems/upstream-unavailable");
		}
		finally {
			BACKEND.start();
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> stringMap(Object value) {
		return (Map<String, Object>) value;
	}

}
