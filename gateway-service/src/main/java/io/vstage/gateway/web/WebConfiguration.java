package io.vstage.gateway.web;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * The web-frontend's pages and the optional CORS opening.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	private static final Resource APP = new ClassPathResource("static/index.html");

	private static final Resource ADMIN = new ClassPathResource("static/admin/index.html");

	/**
	 * {@code /} and {@code /admin}; every other file is served by the static resource
	 * handler.
	 */
	@Bean
	RouterFunction<ServerResponse> frontendPages() {
		return RouterFunctions.route(GET("/"), (request) -> page(APP))
			.andRoute(GET("/admin").or(GET("/admin/")), (request) -> page(ADMIN));
	}

	private static Mono<ServerResponse> page(Resource resource) {
		if (!resource.exists()) {
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		return ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(resource);
	}

	@Bean
	@ConditionalOnExpression("!'${vstage.gateway.security.cors-allowed-origins:}'.isEmpty()")
	CorsWebFilter corsWebFilter(SecurityHeadersProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.corsAllowedOrigins());
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
		cors.setAllowedHeaders(List.of("X-API-Key", "Authorization", "Content-Type", "X-Request-Id"));
		cors.setExposedHeaders(List.of("X-Request-Id", "RateLimit", "RateLimit-Policy", "Retry-After"));
		cors.setMaxAge(600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return new CorsWebFilter(source);
	}

}
