package io.vstage.gateway.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Browser-facing protections.
 *
 * @param contentSecurityPolicy the {@code Content-Security-Policy} of every response; it
 * includes {@code frame-ancestors 'none'} so the UI cannot be framed
 * @param referrerPolicy the {@code Referrer-Policy} of every response
 * @param corsAllowedOrigins origins allowed to call the API from another site; empty (the
 * default) keeps CORS closed, so only same-origin pages can read answers
 */
@ConfigurationProperties("vstage.gateway.security")
@Validated
record SecurityHeadersProperties(
		@DefaultValue("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'") @NotBlank String contentSecurityPolicy,
		@DefaultValue("no-referrer") @NotBlank String referrerPolicy, @DefaultValue List<String> corsAllowedOrigins) {

	SecurityHeadersProperties {
		corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
	}

}
