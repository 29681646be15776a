package io.vstage.gateway.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Mints the internal HS256 JWTs (docs/CONTRACTS.md): one per routed request, and the
 * gateway's own service token for the key manager, reused while it has more than half its
 * life.
 */
@Component
public class InternalTokenMinter {

	private static final JWSHeader HEADER = new JWSHeader(JWSAlgorithm.HS256);

	private final MACSigner signer;

	private final JwtProperties properties;

	private final Clock clock;

	private final AtomicReference<ServiceToken> serviceToken = new AtomicReference<>();

	public InternalTokenMinter(JwtProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		try {
			this.signer = new MACSigner(properties.secret().getBytes(StandardCharsets.UTF_8));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("INTERNAL_JWT_SECRET is unusable for HS256: " + ex.getMessage(), ex);
		}
	}

	/** A token that states who the caller of a routed request is. */
	public String mint(String subject, String role, @Nullable String email, @Nullable String name, String audience,
			@Nullable UUID reservationId) {
		Instant now = this.clock.instant();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.properties.issuer())
			.subject(subject)
			.audience(audience)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(this.properties.lifetime())))
			.claim("role", role);
		if (email != null) {
			claims.claim("email", email);
		}
		if (name != null) {
			claims.claim("name", name);
		}
		if (reservationId != null) {
			claims.claim("rsv", reservationId.toString());
		}
		return sign(claims.build());
	}

	/**
	 * The gateway's own {@code service:gateway} token for the key manager's internal API.
	 */
	public String serviceToken() {
		Instant now = this.clock.instant();
		ServiceToken current = this.serviceToken.get();
		if (current != null && now.isBefore(current.renewAfter())) {
			return current.token();
		}
		String token = mint("service:gateway", "service", null, null, "key-manager", null);
		this.serviceToken.set(new ServiceToken(token, now.plus(this.properties.lifetime().dividedBy(2))));
		return token;
	}

	private String sign(JWTClaimsSet claims) {
		SignedJWT jwt = new SignedJWT(HEADER, claims);
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign an internal JWT", ex);
		}
		return jwt.serialize();
	}

	/** Lifetime of the internal tokens, for tests and callers that cache. */
	public Duration lifetime() {
		return this.properties.lifetime();
	}

	private record ServiceToken(String token, Instant renewAfter) {
	}

}
