package io.vstage.contracts.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.vstage.contracts.access.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class InternalTokenVerifierTests {

	static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";

	static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	final InternalTokenVerifier verifier = new InternalTokenVerifier(SECRET, "staging-backend", CLOCK);

	@Test
	void aMintedTokenIsVerifiedWithEveryClaim() {
		InternalTokenMinter minter = new InternalTokenMinter(SECRET, "vstage-gateway", Duration.ofSeconds(60), CLOCK);
		UUID reservation = UUID.randomUUID();
		String token = minter.mint(new Identity("key-1", Role.USER, "a@example.com", "A", "admin-1"), "staging-backend",
				new InternalToken.Reservation(reservation, 4));

		InternalToken verified = this.verifier.verify(token);

		assertThat(verified.subject()).isEqualTo("key-1");
		assertThat(verified.role()).isEqualTo(Role.USER);
		assertThat(verified.issuedBy()).isEqualTo("admin-1");
		assertThat(verified.email()).isEqualTo("a@example.com");
		assertThat(verified.reservation()).isEqualTo(new InternalToken.Reservation(reservation, 4));
		assertThat(verified.expiresAt()).isEqualTo(NOW.plusSeconds(60));
	}

	@Test
	void theSpringAdapterKeepsTheReservation() {
		InternalTokenMinter minter = new InternalTokenMinter(SECRET, "vstage-gateway", Duration.ofSeconds(60), CLOCK);
		UUID reservation = UUID.randomUUID();
		String token = minter.mint(new Identity("key-1", Role.ADMIN, null, null, null), "staging-backend",
				new InternalToken.Reservation(reservation, 3));

		InternalToken back = InternalJwtDecoder.internalToken(new InternalJwtDecoder(this.verifier).decode(token));

		assertThat(back.reservation()).isEqualTo(new InternalToken.Reservation(reservation, 3));
		assertThat(back.role()).isEqualTo(Role.ADMIN);
	}

	@Test
	void aWellFormedHandMadeTokenIsAccepted() {
		assertThat(this.verifier.verify(sign(valid().build())).subject()).isEqualTo("key-1");
	}

	static List<Arguments> brokenClaims() {
		return List.of(arguments("no exp", claims((c) -> c.expirationTime(null))),
				arguments("one-year lifetime",
						claims((c) -> c.expirationTime(Date.from(NOW.plus(Duration.ofDays(365)))))),
				arguments("no iat (a long exp alone)",
						claims((c) -> c.issueTime(null).expirationTime(Date.from(NOW.plus(Duration.ofDays(365)))))),
				arguments("no iat", claims((c) -> c.issueTime(null))),
				arguments("iat in the future",
						claims((c) -> c.issueTime(Date.from(NOW.plusSeconds(600)))
							.expirationTime(Date.from(NOW.plusSeconds(630))))),
				arguments("lifetime over 60 s and the skew",
						claims((c) -> c.issueTime(Date.from(NOW.minusSeconds(5)))
							.expirationTime(Date.from(NOW.plusSeconds(61))))),
				arguments("expired",
						claims((c) -> c.issueTime(Date.from(NOW.minusSeconds(180)))
							.expirationTime(Date.from(NOW.minusSeconds(120))))),
				arguments("aud of two", claims((c) -> c.audience(List.of("staging-backend", "key-manager")))),
				arguments("another audience", claims((c) -> c.audience("key-manager"))),
				arguments("no aud", claims((c) -> c.audience((String) null))),
				arguments("no jti", claims((c) -> c.jwtID(null))), arguments("no sub", claims((c) -> c.subject(null))),
				arguments("no iss", claims((c) -> c.issuer(null))),
				arguments("unknown role", claims((c) -> c.claim("role", "root"))),
				arguments("role in upper case", claims((c) -> c.claim("role", "ADMIN"))),
				arguments("service role for a key", claims((c) -> c.claim("role", "service"))),
				arguments("service subject with a key role", claims((c) -> c.subject("service:gateway"))),
				arguments("exp as text", claims((c) -> c.claim("exp", "9999999999"))),
				arguments("reservation without units", claims((c) -> c.claim("rsv", UUID.randomUUID().toString()))),
				arguments("reservation of zero units",
						claims((c) -> c.claim("rsv", UUID.randomUUID().toString()).claim("rsv_units", 0))),
				arguments("reservation that is not a UUID", claims((c) -> c.claim("rsv", "x").claim("rsv_units", 1))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenClaims")
	void tokensBeyondTheContractAreRefused(String why, JWTClaimsSet claims) {
		String token = sign(claims);
		assertThatExceptionOfType(InvalidInternalTokenException.class).isThrownBy(() -> this.verifier.verify(token));
	}

	@Test
	void aListValuedAudienceIsRefusedEvenWithOnlyThisService() throws Exception {
		Map<String, Object> payload = new LinkedHashMap<>(valid().build().toJSONObject());
		payload.put("aud", List.of("staging-backend"));
		JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(payload));
		jws.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
		assertThat(jws.getPayload().toString()).as("the audience travels as a list").contains("[\"staging-backend\"]");
		assertThatExceptionOfType(InvalidInternalTokenException.class)
			.isThrownBy(() -> this.verifier.verify(jws.serialize()));
	}

	@Test
	void anotherSecretIsRefused() throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), valid().build());
		jwt.sign(new MACSigner("another-secret-another-secret-another-secret".getBytes(StandardCharsets.UTF_8)));
		assertThatExceptionOfType(InvalidInternalTokenException.class)
			.isThrownBy(() -> this.verifier.verify(jwt.serialize()));
	}

	@Test
	void otherAlgorithmsAreRefused() throws Exception {
		SignedJWT hs512 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), valid().build());
		hs512.sign(new MACSigner((SECRET + SECRET).getBytes(StandardCharsets.UTF_8)));
		String none = new PlainJWT(new PlainHeader(), valid().build()).serialize();
		assertThatExceptionOfType(InvalidInternalTokenException.class)
			.isThrownBy(() -> this.verifier.verify(hs512.serialize()));
		assertThatExceptionOfType(InvalidInternalTokenException.class).isThrownBy(() -> this.verifier.verify(none));
	}

	@Test
	void garbageIsRefused() {
		for (String garbage : List.of("", "a.b.c", "not a token", "e30.e30.")) {
			assertThatExceptionOfType(InvalidInternalTokenException.class)
				.isThrownBy(() -> this.verifier.verify(garbage));
		}
	}

	@Test
	void shortSecretsAndLongLifetimesAreRefusedAtStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InternalTokenVerifier("short", "x", CLOCK));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InternalTokenMinter(SECRET, "vstage-gateway", Duration.ofSeconds(61), CLOCK));
	}

	static JWTClaimsSet.Builder valid() {
		return new JWTClaimsSet.Builder().issuer("vstage-gateway")
			.subject("key-1")
			.audience("staging-backend")
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(NOW))
			.expirationTime(Date.from(NOW.plusSeconds(60)))
			.claim("role", "user");
	}

	static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
		return change.apply(valid()).build();
	}

	static String sign(JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
			jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
