package io.vstage.gateway.jwt;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The internal JWT.
 *
 * @param secret the HS256 key shared with the services ({@code INTERNAL_JWT_SECRET}), at
 * least 32 characters; make one with {@code openssl rand -base64 48}
 * @param issuer the {@code iss} claim
 * @param lifetime time from {@code iat} to {@code exp}
 */
@ConfigurationProperties("vstage.gateway.jwt")
@Validated
public record JwtProperties(
		@NotBlank(message = "set INTERNAL_JWT_SECRET (at least 32 characters, e.g. `openssl rand -base64 48`)") @Size(
				min = 32,
				message = "INTERNAL_JWT_SECRET must have at least 32 characters (e.g. `openssl rand -base64 48`)") String secret,
		@DefaultValue("vstage-gateway") String issuer, @DefaultValue("60s") Duration lifetime) {

	@Override
	public String toString() {
		return "JwtProperties[secret=hidden, issuer=" + this.issuer + ", lifetime=" + this.lifetime + "]";
	}

}
