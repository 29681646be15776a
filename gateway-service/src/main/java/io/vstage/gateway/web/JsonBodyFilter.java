package io.vstage.gateway.web;

import reactor.core.publisher.Mono;

import io.vstage.gateway.GatewayFilterOrder;
import io.vstage.gateway.RoutePolicy;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Routes that take a JSON body (metadata {@code body: json}) accept
 * {@code application/json} only. A browser sends {@code text/plain} and form bodies
 * cross-site without asking first, so refusing them (415, before any bucket is spent or
 * any failed authentication counted) leaves a hostile page nothing to act with.
 */
@Component
class JsonBodyFilter implements GlobalFilter, Ordered {

	private final ProblemResponder problems;

	JsonBodyFilter(ProblemResponder problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (!RoutePolicy.of(exchange).jsonBody() || isJson(exchange)) {
			return chain.filter(exchange);
		}
		return this.problems.reject(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
				"The body must be application/json");
	}

	private static boolean isJson(ServerWebExchange exchange) {
		try {
			MediaType type = exchange.getRequest().getHeaders().getContentType();
			return type != null && MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	@Override
	public int getOrder() {
		return GatewayFilterOrder.JSON_BODY;
	}

}
