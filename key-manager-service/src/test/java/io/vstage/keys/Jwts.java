package io.vstage.keys;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Mints internal JWTs the way the gateway does, for tests. */
final class Jwts {

	static final String SECRET = "test-internal-jwt-secret-0123456789abcdef";

	static final String SUPER_ADMIN_KEY = "test-super-admin-key-0123456789abcdef-XYZ";

	private Jwts() {
	}

	static String superAdmin() {
		return mint("superadmin", "superadmin", "key-manager", Instant.now(), Duration.ofSeconds(60), SECRET);
	}

	static String service() {
		return mint("service:gateway", "service", "key-manager", Instant.now(), Duration.ofSeconds(60), SECRET);
	}

	static String forKey(String keyId, String role) {
		return mint(keyId, role, "key-manager", Instant.now(), Duration.ofSeconds(60), SECRET);
	}

	static String mint(String subject, String role, String audience, Instant issuedAt, Duration life, String secret) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("vstage-gateway")
			.subject(subject)
			.claim("role", role)
			.audience(audience)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(issuedAt.plus(life)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		try {
			jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

}
