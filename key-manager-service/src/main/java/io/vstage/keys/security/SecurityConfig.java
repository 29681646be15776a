package io.vstage.keys.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import javax.crypto.spec.SecretKeySpec;

import io.vstage.keys.KeyManagerProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every endpoint but health needs the internal JWT (HS256, audience checked, 60 s life).
 * The {@code role} claim becomes the authority; {@code /internal/**} accepts only
 * {@code service}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig implements WebMvcConfigurer {

	private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, JwtDecoder decoder, ProblemResponder problems) {
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName("role");
		authorities.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		// stateless JWT API: no CSRF, sessions, saved requests or logout
		http.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.logout((logout) -> logout.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/error")
				.permitAll()
				.requestMatchers("/internal/**")
				.hasRole("service")
				.requestMatchers("/api/v1/audit", "/api/v1/audit/**")
				.hasRole("superadmin")
				.requestMatchers("/api/v1/keys", "/api/v1/keys/**")
				.hasAnyRole("admin", "superadmin")
				.requestMatchers("/api/v1/me")
				.hasAnyRole("user", "admin", "superadmin")
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(
					(server) -> server.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
						.authenticationEntryPoint((request, response, ex) -> problems.write(response,
								HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid internal JWT is required")))
			.exceptionHandling((handling) -> handling
				.authenticationEntryPoint((request, response, ex) -> problems.write(response, HttpStatus.UNAUTHORIZED,
						"unauthenticated", "A valid internal JWT is required"))
				.accessDeniedHandler((request, response, ex) -> problems.write(response, HttpStatus.FORBIDDEN,
						"forbidden", "Your role may not do this")));
		return http.build();
	}

	/**
	 * No observation per security filter, authentication and authorization: on the hot
	 * authenticate path they cost more than the work they wrap. http.server.requests
	 * still measures every request.
	 */
	@Bean
	static SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	JwtDecoder internalJwtDecoder(KeyManagerProperties properties) {
		SecretKeySpec key = new SecretKeySpec(properties.internalJwtSecret().getBytes(StandardCharsets.UTF_8),
				"HmacSHA256");
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		String audience = properties.jwtAudience();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(CLOCK_SKEW),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, (aud) -> aud != null && aud.contains(audience)),
				new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
				lifetimeAtMost(properties.jwtMaxLifetime())));
		return decoder;
	}

	/**
	 * Refuses tokens minted to live longer than internal tokens do (a leaked one ages out
	 * fast).
	 */
	private static OAuth2TokenValidator<Jwt> lifetimeAtMost(Duration maxLifetime) {
		OAuth2Error error = new OAuth2Error("invalid_token", "Token lifetime too long or iat missing", null);
		return (jwt) -> {
			Instant issuedAt = jwt.getIssuedAt();
			Instant expiresAt = jwt.getExpiresAt();
			boolean ok = issuedAt != null && expiresAt != null
					&& !Duration.between(issuedAt, expiresAt).minus(maxLifetime).isPositive();
			return ok ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(error);
		};
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgumentResolver());
	}

}
