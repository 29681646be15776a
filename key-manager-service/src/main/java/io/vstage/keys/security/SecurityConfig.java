package io.vstage.keys.security;

import java.time.Clock;
import java.util.List;

import io.vstage.contracts.token.InternalJwtDecoder;
import io.vstage.contracts.token.InternalTokenVerifier;
import io.vstage.keys.KeyManagerProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every endpoint but health needs the internal JWT, verified by the suite's one verifier
 * (service-contracts: HS256, this service's audience, at most 60 s of life, iat and jti).
 * The {@code role} claim becomes the authority; {@code /internal/**} accepts only
 * {@code service}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig implements WebMvcConfigurer {

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

	/** The suite's one verifier of internal tokens (service-contracts). */
	@Bean
	JwtDecoder internalJwtDecoder(KeyManagerProperties properties, Clock clock) {
		return new InternalJwtDecoder(
				new InternalTokenVerifier(properties.internalJwtSecret(), properties.jwtAudience(), clock));
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgumentResolver());
	}

}
