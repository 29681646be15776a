package io.vstage.gateway.local;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import io.vstage.gateway.GatewayAttributes;
import io.vstage.gateway.auth.Principal;
import io.vstage.gateway.quota.LiveQuotas;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers {@code GET /api/v1/me} from the cached principal and the live quota, without
 * any network call: the UI asks it on every (debounced) keystroke.
 */
@Component
class AnswerMeGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

	private final LiveQuotas quotas;

	private final JsonMapper json;

	AnswerMeGatewayFilterFactory(LiveQuotas quotas, JsonMapper json) {
		super(Object.class);
		this.quotas = quotas;
		this.json = json;
	}

	@Override
	public GatewayFilter apply(Object config) {
		return new GatewayFilter() {
			@Override
			public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
				Principal principal = exchange.getRequiredAttribute(GatewayAttributes.PRINCIPAL);
				LiveQuotas.Snapshot quota = AnswerMeGatewayFilterFactory.this.quotas.current(principal);
				Me me = new Me(principal.role().wireName(), principal.keyId(), principal.name(),
						principal.rateLimitPerMinute(), quota.dailyQuota(), quota.remainingToday(), quota.resetsAt());
				ServerHttpResponse response = exchange.getResponse();
				response.setStatusCode(HttpStatus.OK);
				response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
				response.getHeaders().setCacheControl("no-store");
				byte[] body = AnswerMeGatewayFilterFactory.this.json.writeValueAsBytes(me);
				return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
			}

			@Override
			public String toString() {
				return "AnswerMe";
			}
		};
	}

	/** The body of {@code /api/v1/me}. */
	record Me(String role, String keyId, @Nullable String name, int rateLimitPerMinute, @Nullable Integer dailyQuota,
			@Nullable Integer remainingToday, @Nullable Instant resetsAt) {
	}

}
