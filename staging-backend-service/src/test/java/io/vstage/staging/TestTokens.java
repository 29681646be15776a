package io.vstage.staging;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Internal JWTs as the gateway mints them. Tokens live 60 s as the contract says, so
 * {@link #fresh} re-mints a test's token for each request it sends.
 */
public final class TestTokens {

	public static final String SECRET = "test-internal-jwt-secret-0123456789abcdef";

	private static final int LIFETIME_SECONDS = 60;

	private TestTokens() {
	}

	public static String user(String keyId) {
		return token(keyId, "user", null, "staging-backend", SECRET, LIFETIME_SECONDS);
	}

	public static String userWithReservation(String keyId, String reservationId) {
		return token(keyId, "user", reservationId, "staging-backend", SECRET, LIFETIME_SECONDS);
	}

	public static String admin() {
		return token("admin-key", "admin", null, "staging-backend", SECRET, LIFETIME_SECONDS);
	}

	public static String superAdmin() {
		return token("superadmin", "superadmin", null, "staging-backend", SECRET, LIFETIME_SECONDS);
	}

	/**
	 * A key's token as the gateway mints it: {@code issued_by} names the key that issued
	 * this one (absent for the super admin).
	 */
	public static String key(String subject, String role, String issuedBy) {
		return token(subject, role, null, issuedBy, "staging-backend", SECRET, LIFETIME_SECONDS);
	}

	public static String token(String subject, String role, String reservationId, String audience, String secret,
			int lifeSeconds) {
		return token(subject, role, reservationId, null, audience, secret, lifeSeconds);
	}

	private static String token(String subject, String role, String reservationId, String issuedBy, String audience,
			String secret, int lifeSeconds) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("vstage-gateway")
			.subject(subject)
			.audience(audience)
			.claim("role", role)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(lifeSeconds)));
		if (reservationId != null) {
			claims.claim("rsv", reservationId);
		}
		if (issuedBy != null) {
			claims.claim("issued_by", issuedBy);
		}
		return sign(claims.build(), secret);
	}

	/**
	 * The same token minted now, as the gateway mints one per request; for a generation
	 * request ({@code units} > 0) with the reservation the gateway would have made (its
	 * id kept, or a new one). Tokens this class did not sign, or that already name their
	 * units, are sent as they are: tests of refused tokens stay refused.
	 */
	public static String fresh(String token, int units) {
		if (token == null) {
			return null;
		}
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			if (!jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))) {
				return token;
			}
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			if (claims.getClaim("rsv_units") != null || lifetime(claims) != LIFETIME_SECONDS) {
				return token;
			}
			Instant now = Instant.now();
			JWTClaimsSet.Builder renewed = new JWTClaimsSet.Builder(claims).jwtID(UUID.randomUUID().toString())
				.issueTime(Date.from(now))
				.expirationTime(Date.from(now.plusSeconds(LIFETIME_SECONDS)));
			Object reservation = claims.getClaim("rsv");
			// only a generation request carries a reservation, with its units
			renewed.claim("rsv",
					(units > 0) ? ((reservation != null) ? reservation : UUID.randomUUID().toString()) : null);
			renewed.claim("rsv_units", (units > 0) ? units : null);
			return sign(renewed.build(), SECRET);
		}
		catch (ParseException | JOSEException ex) {
			return token;
		}
	}

	/** A token's claims with one changed, signed again with the test secret. */
	public static String withClaims(String token, Map<String, Object> changes) {
		try {
			JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(SignedJWT.parse(token).getJWTClaimsSet());
			changes.forEach(claims::claim);
			return sign(claims.build(), SECRET);
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private static long lifetime(JWTClaimsSet claims) {
		if (claims.getIssueTime() == null || claims.getExpirationTime() == null) {
			return -1;
		}
		return (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000;
	}

	private static String sign(JWTClaimsSet claims, String secret) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
			jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
