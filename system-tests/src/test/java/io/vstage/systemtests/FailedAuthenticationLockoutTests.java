package io.vstage.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One address does not lock everyone out: a flood of failed authentications from one
 * address (here 127.0.0.1, which every client of the suite shares) gets unknown keys
 * {@code 429 too-many-failed-authentications}, while the super admin key and a valid user
 * key from that same address are still served. Key checks sent as {@code text/plain} are
 * refused with 415 and are not failed authentications. Runs on the trust suite's second
 * gateway, so that the lockout reaches no other test.
 */
class FailedAuthenticationLockoutTests {

	private static final int FLOOD = 31;

	@RegisterExtension
	static final SharedSuite shared = new SharedSuite(SharedSuite.TRUST);

	@Test
	void afterAFloodOfFailedAuthenticationsFromOneAddressValidKeysFromItAreStillServed() {
		Suite suite = shared.suite();
		String gateway = suite.gatewayUrls().get(1);
		// issued through gateway 1: gateway 2 has never seen it, so it must ask the key
		// manager during the lockout
		FreshKey user = FreshKey.issue(suite, "user", 10);
		List<String> secrets = new ArrayList<>(user.secrets());

		for (int i = 0; i < 10; i++) {
			for (String path : List.of("/api/validate", "/api/keys/validate")) {
				RawHttp.Response answer = RawHttp.request("POST", path)
					.body("text/plain", ("{\"api_key\":\"" + unknownKey() + "\"}").getBytes(StandardCharsets.UTF_8))
					.send(gateway);
				Refusals.assertRefused(answer, 415, "unsupported-media-type", secrets);
			}
		}
		// had those 20 counted, these would reach the limit
		for (int i = 0; i < 15; i++) {
			RawHttp.Response answer = RawHttp.request("GET", "/api/v1/me").key(unknownKey()).send(gateway);
			assertThat(answer.status()).as("unknown key %d after the text/plain checks: %s", i, answer).isEqualTo(401);
		}
		for (int i = 0; i < FLOOD; i++) {
			RawHttp.Response answer = RawHttp.request("GET", "/api/v1/me").key(unknownKey()).send(gateway);
			assertThat(answer.status()).as("%s", answer).isIn(401, 429);
		}

		RawHttp.Response refused = RawHttp.request("GET", "/api/v1/me").key(unknownKey()).send(gateway);
		Refusals.assertRefused(refused, 429, "too-many-failed-authentications", secrets);
		assertThat(refused.header("Retry-After")).as("%s", refused).isNotBlank();

		RawHttp.Response superAdmin = RawHttp.request("GET", "/api/v1/me").key(suite.superAdminKey()).send(gateway);
		assertThat(superAdmin.status()).as("the super admin from the locked-out address: %s", superAdmin)
			.isEqualTo(200);
		RawHttp.Response valid = RawHttp.request("GET", "/api/v1/me").key(user.secret()).send(gateway);
		assertThat(valid.status()).as("a valid user key from the locked-out address: %s", valid).isEqualTo(200);
		assertThat(valid.json().get("key_id").asString()).isEqualTo(user.id());

		RawHttp.Response stillRefused = RawHttp.request("GET", "/api/v1/me").key(unknownKey()).send(gateway);
		Refusals.assertRefused(stillRefused, 429, "too-many-failed-authentications", secrets);
		// no proxy is trusted: an address the client claims for itself changes nothing
		RawHttp.Response claimingAnotherAddress = RawHttp.request("GET", "/api/v1/me")
			.key(unknownKey())
			.header("X-Forwarded-For", "203.0.113.7")
			.header("Forwarded", "for=198.51.100.9")
			.header("X-Real-IP", "192.0.2.44")
			.send(gateway);
		Refusals.assertRefused(claimingAnotherAddress, 429, "too-many-failed-authentications", secrets);
	}

	/**
	 * A key of the issued shape ({@code vsk_} + 49 letters and digits) that was never
	 * issued.
	 */
	private static String unknownKey() {
		return "vsk_" + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 49);
	}

}
