package io.vstage.keys;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every endpoint but health needs a valid internal JWT; bad ones get a 401 problem. */
@ExtendWith(OutputCaptureExtension.class)
class InternalJwtIntegrationTests extends SqliteIntegrationTests {

	private static final String ME = "/api/v1/me";

	@Test
	void healthNeedsNoToken() {
		assertThat(api().get("/actuator/health", null).status()).isEqualTo(200);
	}

	@Test
	void requestIdOfTheGatewayIsEchoedAndOnTheAccessLine(CapturedOutput output) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/me"))
			.header("Authorization", "Bearer " + Jwts.superAdmin())
			.header("X-Request-Id", "req-123")
			.build();
		var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
		assertThat(response.headers().firstValue("X-Request-Id")).contains("req-123");
		// plain text by default, JSON with LOG_FORMAT set: the id is on the line either
		// way
		String line = "GET /api/v1/me 200 \\d+ms";
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output.getOut())
				.containsPattern("\\[req-123\\].*" + line + "|" + line + ".*\"requestId\":\"req-123\""));
	}

	@Test
	void missingTokenIsUnauthenticated() {
		assertUnauthenticated(api().get(ME, null));
		assertUnauthenticated(api().post("/internal/v1/keys/authenticate", null, "{\"api_key\":\"x\"}"));
	}

	@Test
	void forgedTokenIsUnauthenticated() {
		String forged = Jwts.mint("superadmin", "superadmin", "key-manager", Instant.now(), Duration.ofSeconds(60),
				"another-secret-of-at-least-32-characters!!");
		assertUnauthenticated(api().get(ME, forged));
		String tampered = Jwts.superAdmin();
		tampered = tampered.substring(0, tampered.length() - 3) + (tampered.endsWith("AAA") ? "BBB" : "AAA");
		assertUnauthenticated(api().get(ME, tampered));
		assertUnauthenticated(api().get(ME, "not-a-jwt"));
	}

	@Test
	void expiredTokenIsUnauthenticated() {
		String expired = Jwts.mint("superadmin", "superadmin", "key-manager", Instant.now().minusSeconds(120),
				Duration.ofSeconds(60), Jwts.SECRET);
		assertUnauthenticated(api().get(ME, expired));
	}

	@Test
	void tokenForAnotherAudienceIsUnauthenticated() {
		String wrongAudience = Jwts.mint("superadmin", "superadmin", "staging-backend", Instant.now(),
				Duration.ofSeconds(60), Jwts.SECRET);
		assertUnauthenticated(api().get(ME, wrongAudience));
	}

	@Test
	void tokenMintedForALongLifeIsUnauthenticated() {
		String longLived = Jwts.mint("superadmin", "superadmin", "key-manager", Instant.now(), Duration.ofHours(1),
				Jwts.SECRET);
		assertUnauthenticated(api().get(ME, longLived));
	}

	@Test
	void tokensBeyondTheSharedContractAreUnauthenticated() throws Exception {
		Instant now = Instant.now();
		JWTClaimsSet valid = new JWTClaimsSet.Builder().issuer("vstage-gateway")
			.subject("superadmin")
			.claim("role", "superadmin")
			.audience("key-manager")
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(60)))
			.build();
		assertThat(api().get(ME, sign(valid.toJSONObject())).status()).as("the control case").isEqualTo(200);
		for (Map<String, Object> broken : List.of(without(valid, "iat", "exp", now.plusSeconds(365L * 24 * 3600)),
				without(valid, "iat"), without(valid, "jti"), without(valid, "exp"),
				with(valid, "iat", now.plusSeconds(600).getEpochSecond(), "exp", now.plusSeconds(630).getEpochSecond()),
				with(valid, "aud", List.of("key-manager")),
				with(valid, "aud", List.of("key-manager", "staging-backend")), with(valid, "role", "service"))) {
			assertUnauthenticated(api().get(ME, sign(broken)));
		}
	}

	private static Map<String, Object> without(JWTClaimsSet claims, String name) {
		Map<String, Object> map = new LinkedHashMap<>(claims.toJSONObject());
		map.remove(name);
		return map;
	}

	private static Map<String, Object> without(JWTClaimsSet claims, String name, String changed, Instant value) {
		Map<String, Object> map = without(claims, name);
		map.put(changed, value.getEpochSecond());
		return map;
	}

	private static Map<String, Object> with(JWTClaimsSet claims, Object... changes) {
		Map<String, Object> map = new LinkedHashMap<>(claims.toJSONObject());
		for (int i = 0; i < changes.length; i += 2) {
			map.put((String) changes[i], changes[i + 1]);
		}
		return map;
	}

	/** Signs a payload as given, so that list-valued claims stay lists. */
	private static String sign(Map<String, Object> payload) throws Exception {
		JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(payload));
		jws.sign(new MACSigner(Jwts.SECRET.getBytes(StandardCharsets.UTF_8)));
		return jws.serialize();
	}

	@Test
	void serviceRoleIsOnlyForInternalPathsAndInternalPathsOnlyForServices() {
		assertThat(api().get(ME, Jwts.service()).status()).isEqualTo(403);
		assertThat(api().get("/api/v1/keys", Jwts.service()).status()).isEqualTo(403);
		Api.Reply denied = api().get("/internal/v1/keys/changes/head", Jwts.superAdmin());
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.contentType()).startsWith("application/problem+json");
		assertThat(denied.text("type")).isEqualTo("https://vstage.io/problems/forbidden");
		assertThat(api().get("/internal/v1/keys/changes/head", Jwts.service()).status()).isEqualTo(200);
	}

	private static void assertUnauthenticated(Api.Reply reply) {
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.text("type")).isEqualTo("https://vstage.io/problems/unauthenticated");
	}

}
