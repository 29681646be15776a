package io.vstage.gateway.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class CorsTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class, WebConfiguration.class);

	@Test
	void corsIsClosedUnlessOriginsAreConfigured() {
		this.contexts.run((context) -> assertThat(context).doesNotHaveBean(CorsWebFilter.class));
		this.contexts.withPropertyValues("vstage.gateway.security.cors-allowed-origins=")
			.run((context) -> assertThat(context).doesNotHaveBean(CorsWebFilter.class));
	}

	@Test
	void configuredOriginMayCallTheApiAndOthersMayNot() {
		this.contexts.withPropertyValues("vstage.gateway.security.cors-allowed-origins=https://app.example.com")
			.run((context) -> {
				CorsWebFilter cors = context.getBean(CorsWebFilter.class);
				ServerWebExchange allowed = preflight(cors, "https://app.example.com");
				assertThat(allowed.getResponse().getHeaders().getAccessControlAllowOrigin())
					.isEqualTo("https://app.example.com");
				assertThat(allowed.getResponse().getHeaders().getAccessControlAllowHeaders()).contains("X-API-Key");
				ServerWebExchange refused = preflight(cors, "https://evil.example.net");
				assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
				assertThat(refused.getResponse().getHeaders().getAccessControlAllowOrigin()).isNull();
			});
	}

	private static ServerWebExchange preflight(CorsWebFilter cors, String origin) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.options("http://gateway.example.com/api/v1/staging/jobs")
				.header(HttpHeaders.ORIGIN, origin)
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.POST.name())
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "X-API-Key"));
		cors.filter(exchange, (e) -> Mono.empty()).block();
		return exchange;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SecurityHeadersProperties.class)
	static class Properties {

	}

}
