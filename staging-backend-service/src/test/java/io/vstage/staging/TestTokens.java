package io.vstage.staging;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Internal JWTs as the gateway mints them.
 */
public final class TestTokens {

	public static final String SECRET = "test-internal-jwt-secret-0123456789abcdef";

	private TestTokens() {
	}

	public static String user(String keyId) {
		return token(keyId, "user", UUID.randomUUID().toString(), "staging-backend", SECRET, 3600);
	}

	public static String userWithReservation(String keyId, String reservationId) {
		return token(keyId, "user", reservationId, "staging-backend", SECRET, 3600);
	}

	public static String admin() {
		return token("admin-key", "admin", null, "staging-backend", SECRET, 3600);
	}

	public static String superAdmin() {
		return token("superadmin", "superadmin", null, "staging-backend", SECRET, 3600);
	}

	/**
	 * A key's token as the gateway mints it: {@code issued_by} names the key that issued
	 * this one (absent for the super admin).
	 */
	public static String key(String subject, String role, String issuedBy) {
		return token(subject, role, null, issuedBy, "staging-backend", SECRET, 3600);
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
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
			jwt.sign(new MACSigner(secret.getBytes()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
