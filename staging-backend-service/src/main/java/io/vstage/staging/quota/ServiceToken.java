package io.vstage.staging.quota;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import io.vstage.staging.StagingProperties;

/**
 * Mints the backend's own internal JWT for calls to the key manager (CONTRACTS.md).
 */
@Component
class ServiceToken {

	private final NimbusJwtEncoder encoder;

	private final Clock clock;

	ServiceToken(StagingProperties properties, Clock clock) {
		SecretKeySpec key = new SecretKeySpec(properties.internalJwtSecret().getBytes(StandardCharsets.UTF_8),
				"HmacSHA256");
		this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
		this.clock = clock;
	}

	String mint() {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer("vstage-staging-backend")
			.subject("service:staging-backend")
			.audience(java.util.List.of("key-manager"))
			.claim("role", "service")
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofSeconds(60)))
			.build();
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

}
