package io.vstage.gateway.web;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Puts the security headers on every response, routed, static or refused. They are set
 * just before the response commits, so that they replace whatever an upstream service
 * sent.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter implements WebFilter {

	private final SecurityHeadersProperties properties;

	SecurityHeadersFilter(SecurityHeadersProperties properties) {
		this.properties = properties;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			headers.set("Content-Security-Policy", this.properties.contentSecurityPolicy());
			headers.set("X-Content-Type-Options", "nosniff");
			headers.set("Referrer-Policy", this.properties.referrerPolicy());
			headers.set("X-Frame-Options", "DENY");
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

}
