package io.vstage.contracts.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * Mints internal tokens that {@link InternalTokenVerifier} accepts: HS256, one audience,
 * {@code iat}, {@code exp} at most {@link InternalToken#MAX_LIFETIME} later, a fresh
 * {@code jti}.
 */
public final class InternalTokenMinter {

	private static final JWSHeader HEADER = new JWSHeader(JWSAlgorithm.HS256);

	private final JWSSigner signer;

	private final String issuer;

	private final Duration lifetime;

	private final Clock clock;

	public InternalTokenMinter(String secret, String issuer, Duration lifetime, Clock clock) {
		if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(InternalToken.MAX_LIFETIME) > 0) {
			throw new IllegalArgumentException("An internal token lives more than 0 s and at most "
					+ InternalToken.MAX_LIFETIME.toSeconds() + " s");
		}
		try {
			this.signer = new MACSigner(InternalSecret.bytes(secret));
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("INTERNAL_JWT_SECRET is unusable for HS256: " + ex.getMessage(), ex);
		}
		this.issuer = issuer;
		this.lifetime = lifetime;
		this.clock = clock;
	}

	/**
	 * A token for the audience, speaking for the identity, carrying the reservation if
	 * any.
	 */
	public String mint(Identity identity, String audience, InternalToken.@Nullable Reservation reservation) {
		Instant now = this.clock.instant();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.issuer)
			.subject(identity.subject())
			.audience(audience)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(this.lifetime)))
			.claim(InternalToken.ROLE, identity.role().claim());
		optional(claims, InternalToken.EMAIL, identity.email());
		optional(claims, InternalToken.NAME, identity.name());
		optional(claims, InternalToken.ISSUED_BY, identity.issuedBy());
		if (reservation != null) {
			claims.claim(InternalToken.RESERVATION, reservation.id().toString());
			claims.claim(InternalToken.RESERVED_UNITS, reservation.units());
		}
		SignedJWT jwt = new SignedJWT(HEADER, claims.build());
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign an internal token", ex);
		}
		return jwt.serialize();
	}

	/** How long the tokens live. */
	public Duration lifetime() {
		return this.lifetime;
	}

	private static void optional(JWTClaimsSet.Builder claims, String name, @Nullable String value) {
		if (value != null) {
			claims.claim(name, value);
		}
	}

}
