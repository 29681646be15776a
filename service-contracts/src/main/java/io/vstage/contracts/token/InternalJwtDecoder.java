package io.vstage.contracts.token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.vstage.contracts.access.Role;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * {@link InternalTokenVerifier} as Spring Security's {@link JwtDecoder}, for the services
 * that are OAuth2 resource servers: a token it refuses is a {@link BadJwtException},
 * which the resource server answers with 401.
 */
public final class InternalJwtDecoder implements JwtDecoder {

	private final InternalTokenVerifier verifier;

	public InternalJwtDecoder(InternalTokenVerifier verifier) {
		this.verifier = verifier;
	}

	@Override
	public Jwt decode(String token) {
		InternalToken verified;
		try {
			verified = this.verifier.verify(token);
		}
		catch (InvalidInternalTokenException ex) {
			throw new BadJwtException("Invalid internal token: " + ex.getMessage(), ex);
		}
		return Jwt.withTokenValue(token)
			.header("alg", "HS256")
			.claims((claims) -> claims.putAll(claims(verified)))
			.build();
	}

	/** The verified token behind a {@link Jwt} this decoder made. */
	public static InternalToken internalToken(Jwt jwt) {
		Role role = Role.fromClaim(jwt.getClaimAsString(InternalToken.ROLE)).orElseThrow();
		String reservation = jwt.getClaimAsString(InternalToken.RESERVATION);
		Object units = jwt.getClaims().get(InternalToken.RESERVED_UNITS);
		return new InternalToken(jwt.getClaimAsString("iss"), jwt.getSubject(), role, jwt.getAudience().get(0),
				jwt.getId(), jwt.getIssuedAt(), jwt.getExpiresAt(), jwt.getClaimAsString(InternalToken.EMAIL),
				jwt.getClaimAsString(InternalToken.NAME), jwt.getClaimAsString(InternalToken.ISSUED_BY),
				(reservation != null && units instanceof Integer count)
						? new InternalToken.Reservation(UUID.fromString(reservation), count) : null);
	}

	private static Map<String, Object> claims(InternalToken token) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", token.issuer());
		claims.put("sub", token.subject());
		claims.put("aud", List.of(token.audience()));
		claims.put("jti", token.tokenId());
		claims.put("iat", token.issuedAt());
		claims.put("exp", token.expiresAt());
		claims.put(InternalToken.ROLE, token.role().claim());
		optional(claims, InternalToken.EMAIL, token.email());
		optional(claims, InternalToken.NAME, token.name());
		optional(claims, InternalToken.ISSUED_BY, token.issuedBy());
		if (token.reservation() != null) {
			claims.put(InternalToken.RESERVATION, token.reservation().id().toString());
			claims.put(InternalToken.RESERVED_UNITS, token.reservation().units());
		}
		return claims;
	}

	private static void optional(Map<String, Object> claims, String name, @Nullable Object value) {
		if (value != null) {
			claims.put(name, value);
		}
	}

}
