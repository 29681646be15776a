package io.vstage.systemtests;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trust model's internal tokens, called on the key manager and the staging backend
 * directly (as anything on their network could): HS256 with the shared secret,
 * {@code aud} exactly the receiving service as a single string, {@code iat} and
 * {@code exp} present with a life of at most 60 s, {@code jti}, {@code sub} and a known
 * {@code role}. Any other token is {@code 401 unauthenticated} from both; a well-formed
 * one is not (the control, so that these tests can fail).
 */
class InternalTokenTests {

	@RegisterExtension
	static final SharedSuite shared = new SharedSuite(SharedSuite.TRUST);

	/** A service that receives internal tokens, and a request it answers to a caller. */
	enum Receiver {

		/** The gateway's change-feed poll, as the gateway makes it. */
		KEY_MANAGER("trust-key-manager-service", "key-manager", "/internal/v1/keys/changes/head", "service:gateway",
				"service"),

		/** A user's job list, as the gateway forwards it. */
		STAGING_BACKEND("trust-staging-backend-service", "staging-backend", "/api/v1/staging/jobs",
				UUID.randomUUID().toString(), "user");

		final String process;

		final String audience;

		final String path;

		final String subject;

		final String role;

		Receiver(String process, String audience, String path, String subject, String role) {
			this.process = process;
			this.audience = audience;
			this.path = path;
			this.subject = subject;
			this.role = role;
		}

		String otherAudience() {
			return (this == KEY_MANAGER) ? STAGING_BACKEND.audience : KEY_MANAGER.audience;
		}

	}

	/** A token as the services' own minters make it, to be spoiled by one case. */
	static final class Token {

		final Map<String, Object> header = new LinkedHashMap<>(Map.of("alg", "HS256", "typ", "JWT"));

		final Map<String, Object> claims = new LinkedHashMap<>();

		String secret;

		/** A signature of another algorithm than the header's, or none at all. */
		String macAlgorithm = "HmacSHA256";

		Token(Receiver receiver, String secret) {
			long now = Instant.now().getEpochSecond();
			this.secret = secret;
			this.claims.put("iss", "vstage-gateway");
			this.claims.put("sub", receiver.subject);
			this.claims.put("role", receiver.role);
			this.claims.put("aud", receiver.audience);
			this.claims.put("jti", UUID.randomUUID().toString());
			this.claims.put("iat", now);
			this.claims.put("exp", now + 60);
		}

		void lifetime(long issuedSecondsFromNow, long expiresSecondsFromNow) {
			long now = Instant.now().getEpochSecond();
			this.claims.put("iat", now + issuedSecondsFromNow);
			this.claims.put("exp", now + expiresSecondsFromNow);
		}

		String compact() {
			String signingInput = Base64URL.encode(JSONObjectUtils.toJSONString(this.header)) + "."
					+ Base64URL.encode(JSONObjectUtils.toJSONString(this.claims));
			if (this.macAlgorithm == null) {
				return signingInput + ".";
			}
			try {
				Mac mac = Mac.getInstance(this.macAlgorithm);
				mac.init(new SecretKeySpec(this.secret.getBytes(StandardCharsets.UTF_8), this.macAlgorithm));
				return signingInput + "."
						+ Base64URL.encode(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/** One way a token is wrong. */
	record Spoiled(String name, Receiver receiver, Consumer<Token> spoil) {

		@Override
		public String toString() {
			return this.receiver + ": " + this.name;
		}

	}

	static List<Spoiled> spoiledTokens() {
		Map<String, Consumer<Token>> ways = new LinkedHashMap<>();
		ways.put("no exp", (token) -> token.claims.remove("exp"));
		ways.put("a one-year lifetime", (token) -> token.lifetime(0, 365L * 24 * 3600));
		ways.put("no iat", (token) -> token.claims.remove("iat"));
		ways.put("iat 10 minutes ahead", (token) -> token.lifetime(600, 660));
		ways.put("expired 2 minutes ago", (token) -> token.lifetime(-180, -120));
		ways.put("a 66 s lifetime (60 s + 5 s skew + 1 s)", (token) -> token.lifetime(0, 66));
		ways.put("a 91 s lifetime issued 31 s ago", (token) -> token.lifetime(-31, 60));
		ways.put("no jti", (token) -> token.claims.remove("jti"));
		ways.put("no sub", (token) -> token.claims.remove("sub"));
		ways.put("a blank sub", (token) -> token.claims.put("sub", " "));
		ways.put("unknown role", (token) -> token.claims.put("role", "root"));
		ways.put("no role", (token) -> token.claims.remove("role"));
		ways.put("role and sub disagree", (token) -> token.claims.put("sub",
				token.claims.get("sub").toString().startsWith("service:") ? "superadmin" : "service:gateway"));
		ways.put("aud as a list of itself", (token) -> token.claims.put("aud", List.of(token.claims.get("aud"))));
		ways.put("aud as a list with another service",
				(token) -> token.claims.put("aud", List.of(token.claims.get("aud"), "somewhere-else")));
		ways.put("no aud", (token) -> token.claims.remove("aud"));
		ways.put("exp as text", (token) -> token.claims.put("exp", token.claims.get("exp").toString()));
		ways.put("alg none, no signature", (token) -> {
			token.header.put("alg", "none");
			token.macAlgorithm = null;
		});
		ways.put("alg none, HS256 signature", (token) -> token.header.put("alg", "none"));
		ways.put("HS512", (token) -> {
			token.header.put("alg", "HS512");
			token.macAlgorithm = "HmacSHA512";
		});
		ways.put("HS384", (token) -> {
			token.header.put("alg", "HS384");
			token.macAlgorithm = "HmacSHA384";
		});
		ways.put("signed with another secret", (token) -> token.secret = "another-secret-of-enough-length-0123456789");
		ways.put("a critical header", (token) -> {
			token.header.put("crit", List.of("exp"));
		});
		List<Spoiled> spoiled = new ArrayList<>();
		for (Receiver receiver : Receiver.values()) {
			ways.forEach((name, spoil) -> spoiled.add(new Spoiled(name, receiver, spoil)));
			spoiled.add(new Spoiled("the other service's aud", receiver,
					(token) -> token.claims.put("aud", receiver.otherAudience())));
		}
		return spoiled;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("spoiledTokens")
	void aTokenThatBreaksAnyRuleIsRefusedAsUnauthenticated(Spoiled spoiled) {
		Suite suite = shared.suite();
		Token token = new Token(spoiled.receiver(), secret(suite));
		spoiled.spoil().accept(token);
		RawHttp.Response answer = RawHttp.request("GET", spoiled.receiver().path)
			.header("Authorization", "Bearer " + token.compact())
			.send(suite.process(spoiled.receiver().process).baseUrl());
		Refusals.assertRefused(answer, 401, "unauthenticated", secrets(suite));
	}

	@ParameterizedTest(name = "{0}: no token, a garbage token, a Basic header")
	@ValueSource(strings = { "KEY_MANAGER", "STAGING_BACKEND" })
	void aRequestWithoutABearerTokenIsRefusedAsUnauthenticated(Receiver receiver) {
		Suite suite = shared.suite();
		String base = suite.process(receiver.process).baseUrl();
		for (RawHttp request : List.of(RawHttp.request("GET", receiver.path),
				RawHttp.request("GET", receiver.path).header("Authorization", "Bearer not.a.jwt"),
				RawHttp.request("GET", receiver.path).header("Authorization", "Basic YWRtaW46YWRtaW4="),
				RawHttp.request("GET", receiver.path).header("X-API-Key", suite.superAdminKey()))) {
			Refusals.assertRefused(request.send(base), 401, "unauthenticated", secrets(suite));
		}
	}

	/** The control: the same request with the token as the minters make it is served. */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "KEY_MANAGER", "STAGING_BACKEND" })
	void aWellFormedTokenIsAccepted(Receiver receiver) throws JOSEException {
		Suite suite = shared.suite();
		Token token = new Token(receiver, secret(suite));
		// signed by nimbus itself, as the services' minters do
		JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
				new Payload(token.claims));
		jws.sign(new MACSigner(secret(suite).getBytes(StandardCharsets.UTF_8)));
		RawHttp.Response answer = RawHttp.request("GET", receiver.path)
			.header("Authorization", "Bearer " + jws.serialize())
			.send(suite.process(receiver.process).baseUrl());
		assertThat(answer.status()).as("%s", answer).isEqualTo(200);
		// and the hand-made signature of the cases above is the same kind of token
		RawHttp.Response handMade = RawHttp.request("GET", receiver.path)
			.header("Authorization", "Bearer " + new Token(receiver, secret(suite)).compact())
			.send(suite.process(receiver.process).baseUrl());
		assertThat(handMade.status()).as("%s", handMade).isEqualTo(200);
	}

	private static String secret(Suite suite) {
		return suite.internalSecrets().get(0);
	}

	private static List<String> secrets(Suite suite) {
		List<String> secrets = new ArrayList<>(suite.internalSecrets());
		secrets.add(suite.superAdminKey());
		return secrets;
	}

}
