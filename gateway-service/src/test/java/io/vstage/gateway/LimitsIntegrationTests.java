package io.vstage.gateway;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rate limits and daily quotas through the whole chain against the real key manager.
 */
class LimitsIntegrationTests extends GatewayIntegrationSupport {

	@Test
	void requestPastTheRateLimitIs429WithTheRateLimitHeadersAndRetryAfter() {
		IssuedKey key = issueKey("user", 3, 100, null);
		for (int i = 0; i < 3; i++) {
			int remaining = 2 - i;
			client().get()
				.uri("/api/v1/me")
				.header("X-API-Key", key.secret())
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("RateLimit-Policy", "\"per-key\";q=3;w=60")
				.expectHeader()
				.valueMatches("RateLimit", "\"per-key\";r=" + remaining + ";t=\\d+");
		}
		client().get()
			.uri("/api/v1/me")
			.header("X-API-Key", key.secret())
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			// one token comes back every 20 s
			.expectHeader()
			.valueMatches("Retry-After", "([1-9]|1[0-9]|20)")
			.expectHeader()
			.valueEquals("RateLimit-Policy", "\"per-key\";q=3;w=60")
			.expectHeader()
			.valueMatches("RateLimit", "\"per-key\";r=0;t=([4-5][0-9]|60)")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://vstage.io/problems/rate-limited");
	}

	@Test
	void anEmptyBucketRefillsAtTheKeysRate() {
		IssuedKey key = issueKey("user", 60, 100, null);
		// one token a second comes back while the bucket is emptied, so spend until it is
		// empty
		int sent = 0;
		while (status("/api/v1/me", key.secret()) == 200) {
			assertThat(++sent).isLessThan(200);
		}
		assertThat(sent).isGreaterThanOrEqualTo(60);
		await().atMost(Duration.ofSeconds(3))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> status("/api/v1/me", key.secret()) == 200);
	}

	@Test
	void exhaustedQuotaIs429AndRefundsMakeRoomAgain() throws Exception {
		IssuedKey key = issueKey("user", 1000, 3, null);
		UUID first = generate(key, 2, null).expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("authorization")
			.toString()
			.transform(LimitsIntegrationTests::reservationOf);
		generate(key, 2, null).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists("Retry-After")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://vstage.io/problems/quota-exceeded")
			.jsonPath("$.remaining_today")
			.isEqualTo(1)
			.jsonPath("$.daily_quota")
			.isEqualTo(3)
			.jsonPath("$.requested")
			.isEqualTo(2)
			.jsonPath("$.resets_at")
			.exists();
		// a job the service did not accept gives its unit back at once
		generate(key, 1, "422").expectStatus().isEqualTo(422);
		generate(key, 1, null).expectStatus().isAccepted();
		generate(key, 1, null).expectStatus().isEqualTo(429);
		// the staging backend refunds images it did not deliver
		String serviceToken = backendServiceToken();
		WebTestClient.bindToServer()
			.baseUrl(KEY_MANAGER.url())
			.build()
			.post()
			.uri("/internal/v1/quota/reservations/{id}/refund", first)
			.headers((h) -> h.setBearerAuth(serviceToken))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("units", 2))
			.exchange()
			.expectStatus()
			.isOk();
		generate(key, 2, null).expectStatus().isAccepted();
	}

	private WebTestClient.ResponseSpec generate(IssuedKey key, int numImages, String backendAnswer) {
		Multipart form = Multipart.generation(numImages, "image", "jpeg bytes".getBytes(StandardCharsets.US_ASCII));
		return client().post()
			.uri("/api/v1/staging/jobs")
			.header("X-API-Key", key.secret())
			.header("Content-Type", form.contentType())
			.headers((h) -> {
				if (backendAnswer != null) {
					h.set("X-Test-Answer", backendAnswer);
				}
			})
			.bodyValue(form.bytes())
			.exchange();
	}

	private static UUID reservationOf(String authorization) {
		try {
			return UUID.fromString(SignedJWT.parse(authorization.substring("Bearer ".length()))
				.getJWTClaimsSet()
				.getStringClaim("rsv"));
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String backendServiceToken() throws Exception {
		Instant now = Instant.now();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
				new JWTClaimsSet.Builder().issuer("vstage-staging-backend")
					.subject("service:staging-backend")
					.audience("key-manager")
					.claim("role", "service")
					.jwtID(UUID.randomUUID().toString())
					.issueTime(Date.from(now))
					.expirationTime(Date.from(now.plusSeconds(60)))
					.build());
		jwt.sign(new MACSigner(KeyManagerProcess.JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
		return jwt.serialize();
	}

}
