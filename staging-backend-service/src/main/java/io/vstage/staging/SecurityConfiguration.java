package io.vstage.staging;

import java.time.Clock;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import io.vstage.contracts.token.InternalJwtDecoder;
import io.vstage.contracts.token.InternalTokenVerifier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Internal JWT from the gateway on every route except the signed file links and health
 * (whose details it shows to token holders only), verified by the suite's one verifier
 * (service-contracts).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String AUDIENCE = "staging-backend";

	@Bean
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter((jwt) -> {
			String role = jwt.getClaimAsString("role");
			return (role != null) ? List.of(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase())) : List.of();
		});
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/api/v1/staging/files/**", "/actuator/health", "/actuator/health/**", "/error")
				.permitAll()
				.requestMatchers("/api/v1/staging/engines")
				.hasAnyRole("ADMIN", "SUPERADMIN")
				.anyRequest()
				.hasAnyRole("USER", "ADMIN", "SUPERADMIN"))
			.oauth2ResourceServer((oauth) -> oauth.jwt((jwt) -> jwt.jwtAuthenticationConverter(converter))
				.authenticationEntryPoint((request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED,
						"unauthenticated", "A valid internal token is required."))
				.accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN, "forbidden",
						"Your role does not allow this.")))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED,
						"unauthenticated", "A valid internal token is required."))
				.accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN, "forbidden",
						"Your role does not allow this.")))
			.httpBasic((basic) -> basic.disable());
		return http.build();
	}

	@Bean
	JwtDecoder jwtDecoder(StagingProperties properties, Clock clock) {
		return new InternalJwtDecoder(new InternalTokenVerifier(properties.internalJwtSecret(), AUDIENCE, clock));
	}

	private static void problem(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String slug,
			String detail) throws java.io.IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write(JsonMapper.shared().writeValueAsString(StagingProblem.problem(status, slug, detail)));
	}

}
