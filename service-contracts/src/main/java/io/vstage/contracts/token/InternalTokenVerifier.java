package io.vstage.contracts.token;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

import io.vstage.contracts.access.Role;

/**
 * The one verifier of internal tokens, used by every service that receives them. A token
 * is accepted only when all of these hold:
 * <ul>
 * <li>a JWS signed with HS256 (no other algorithm, no critical headers) with the shared
 * secret;</li>
 * <li>{@code aud} is a single string, this service's own audience;</li>
 * <li>{@code iat} and {@code exp} are present, {@code iat} is not in the future,
 * {@code exp} has not passed, and {@code exp - iat} is at most 60 s (each give or take
 * {@link InternalToken#CLOCK_SKEW});</li>
 * <li>{@code iss}, {@code sub}, {@code jti} and a known {@code role} are present; a
 * {@code service} role goes with a {@code service:<name>} subject, and only it;</li>
 * <li>a reservation ({@code rsv}) is a UUID with positive {@code rsv_units}.</li>
 * </ul>
 */
public final class InternalTokenVerifier {

	static final String SERVICE_PREFIX = "service:";

	private final JWSVerifier verifier;

	private final String audience;

	private final Clock clock;

	public InternalTokenVerifier(String secret, String audience, Clock clock) {
		try {
			this.verifier = new MACVerifier(InternalSecret.bytes(secret));
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("INTERNAL_JWT_SECRET is unusable for HS256: " + ex.getMessage(), ex);
		}
		this.audience = audience;
		this.clock = clock;
	}

	/** The audience this verifier accepts. */
	public String audience() {
		return this.audience;
	}

	/**
	 * The token's contents.
	 * @throws InvalidInternalTokenException when any rule above is broken
	 */
	public InternalToken verify(String token) {
		SignedJWT jwt = parse(token);
		checkHeader(jwt.getHeader());
		checkSignature(jwt);
		Map<String, Object> claims = jwt.getPayload().toJSONObject();
		if (claims == null) {
			throw new InvalidInternalTokenException("the payload is not a JSON object");
		}
		String audienceClaim = text(claims, "aud");
		if (!this.audience.equals(audienceClaim)) {
			throw new InvalidInternalTokenException("aud is not " + this.audience);
		}
		Instant issuedAt = instant(claims, "iat");
		Instant expiresAt = instant(claims, "exp");
		checkTimes(issuedAt, expiresAt, optionalInstant(claims, "nbf"));
		String subject = text(claims, "sub");
		Role role = Role.fromClaim(text(claims, InternalToken.ROLE))
			.orElseThrow(() -> new InvalidInternalTokenException("unknown role"));
		if ((role == Role.SERVICE) != subject.startsWith(SERVICE_PREFIX)) {
			throw new InvalidInternalTokenException("role and subject disagree");
		}
		return new InternalToken(text(claims, "iss"), subject, role, audienceClaim, text(claims, "jti"), issuedAt,
				expiresAt, optionalText(claims, InternalToken.EMAIL), optionalText(claims, InternalToken.NAME),
				optionalText(claims, InternalToken.ISSUED_BY), reservation(claims));
	}

	private static SignedJWT parse(String token) {
		try {
			return SignedJWT.parse(token);
		}
		catch (ParseException | IllegalArgumentException ex) {
			throw new InvalidInternalTokenException("not a signed JWT", ex);
		}
	}

	private static void checkHeader(JWSHeader header) {
		if (!JWSAlgorithm.HS256.equals(header.getAlgorithm())) {
			throw new InvalidInternalTokenException("alg is not HS256");
		}
		if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
			throw new InvalidInternalTokenException("critical header parameters");
		}
		if (header.getType() != null && !JOSEObjectType.JWT.equals(header.getType())) {
			throw new InvalidInternalTokenException("typ is not JWT");
		}
	}

	private void checkSignature(SignedJWT jwt) {
		try {
			if (!jwt.verify(this.verifier)) {
				throw new InvalidInternalTokenException("bad signature");
			}
		}
		catch (JOSEException ex) {
			throw new InvalidInternalTokenException("signature not verifiable", ex);
		}
	}

	private void checkTimes(Instant issuedAt, Instant expiresAt, @Nullable Instant notBefore) {
		Instant now = this.clock.instant();
		Duration skew = InternalToken.CLOCK_SKEW;
		if (issuedAt.isAfter(now.plus(skew))) {
			throw new InvalidInternalTokenException("iat is in the future");
		}
		if (notBefore != null && notBefore.isAfter(now.plus(skew))) {
			throw new InvalidInternalTokenException("nbf is in the future");
		}
		if (!expiresAt.isAfter(now.minus(skew))) {
			throw new InvalidInternalTokenException("expired");
		}
		Duration lifetime = Duration.between(issuedAt, expiresAt);
		if (!lifetime.isPositive() || lifetime.compareTo(InternalToken.MAX_LIFETIME.plus(skew)) > 0) {
			throw new InvalidInternalTokenException("lifetime is not within 60 s");
		}
	}

	private static InternalToken.@Nullable Reservation reservation(Map<String, Object> claims) {
		String id = optionalText(claims, InternalToken.RESERVATION);
		Object units = claims.get(InternalToken.RESERVED_UNITS);
		if (id == null && units == null) {
			return null;
		}
		if (id == null || !(units instanceof Long count) || count < 1 || count > Integer.MAX_VALUE) {
			throw new InvalidInternalTokenException("rsv needs positive whole rsv_units, and rsv_units needs rsv");
		}
		try {
			return new InternalToken.Reservation(UUID.fromString(id), count.intValue());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInternalTokenException("rsv is not a UUID", ex);
		}
	}

	private static String text(Map<String, Object> claims, String name) {
		String value = optionalText(claims, name);
		if (value == null || value.isBlank()) {
			throw new InvalidInternalTokenException(name + " is missing");
		}
		return value;
	}

	private static @Nullable String optionalText(Map<String, Object> claims, String name) {
		Object value = claims.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof String text) {
			return text;
		}
		throw new InvalidInternalTokenException(name + " is not a string");
	}

	private static Instant instant(Map<String, Object> claims, String name) {
		Instant value = optionalInstant(claims, name);
		if (value == null) {
			throw new InvalidInternalTokenException(name + " is missing");
		}
		return value;
	}

	private static @Nullable Instant optionalInstant(Map<String, Object> claims, String name) {
		Object value = claims.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof Long seconds) {
			return Instant.ofEpochSecond(seconds);
		}
		throw new InvalidInternalTokenException(name + " is not whole seconds");
	}

}
