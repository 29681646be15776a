package io.vstage.gateway.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.vstage.contracts.problem.ProblemTypes;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import io.vstage.gateway.GatewayAttributes;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes every refusal of the gateway as an RFC 9457 {@code application/problem+json}
 * body with a stable type {@code https://vstage.io/problems/<slug>}.
 */
@Component
public class ProblemResponder {

	/** Prefix of every problem type. */
	public static final String TYPE_PREFIX = ProblemTypes.BASE;

	private final JsonMapper json;

	public ProblemResponder(JsonMapper json) {
		this.json = json;
	}

	/** Ends the exchange with a problem. */
	public Mono<Void> reject(ServerWebExchange exchange, HttpStatus status, String slug, String detail) {
		return reject(exchange, status, slug, detail, Map.of());
	}

	/** Ends the exchange with a problem carrying extra members. */
	public Mono<Void> reject(ServerWebExchange exchange, HttpStatus status, String slug, String detail,
			Map<String, ?> extra) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		exchange.getAttributes().put(GatewayAttributes.PROBLEM, slug);
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = this.json.writeValueAsBytes(body(exchange, status, slug, detail, extra));
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

	private static Map<String, Object> body(ServerWebExchange exchange, HttpStatus status, String slug, String detail,
			Map<String, ?> extra) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", URI.create(TYPE_PREFIX + slug).toString());
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", exchange.getRequest().getPath().value());
		String requestId = exchange.getAttribute(GatewayAttributes.REQUEST_ID);
		if (requestId != null) {
			problem.put("request_id", requestId);
		}
		problem.putAll(extra);
		return problem;
	}

}
