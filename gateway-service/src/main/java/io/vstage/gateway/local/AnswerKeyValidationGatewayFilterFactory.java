package io.vstage.gateway.local;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.vstage.gateway.auth.Authentication;
import io.vstage.gateway.auth.KeyAuthenticator;
import io.vstage.gateway.auth.Principal;
import io.vstage.gateway.quota.LiveQuotas;
import io.vstage.gateway.ratelimit.FailedAuthenticationLimiter;
import io.vstage.gateway.web.ProblemResponder;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers the first version's {@code POST /api/keys/validate} and
 * {@code POST /api/validate} (body {@code {"api_key": ...}}): validity, role and quota
 * left, never the owner's details. The route is limited per client address and takes only
 * {@code application/json} (route metadata {@code body: json}); refused keys count as
 * failed authentications, and while the address is over that limit they are answered 429
 * instead of {@code valid: false}.
 */
@Component
class AnswerKeyValidationGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

	private static final int MAX_BODY = 4096;

	private final KeyAuthenticator authenticator;

	private final LiveQuotas quotas;

	private final FailedAuthenticationLimiter failures;

	private final ProblemResponder problems;

	private final JsonMapper json;

	AnswerKeyValidationGatewayFilterFactory(KeyAuthenticator authenticator, LiveQuotas quotas,
			FailedAuthenticationLimiter failures, ProblemResponder problems, JsonMapper json) {
		super(Object.class);
		this.authenticator = authenticator;
		this.quotas = quotas;
		this.failures = failures;
		this.problems = problems;
		this.json = json;
	}

	@Override
	public GatewayFilter apply(Object config) {
		return new GatewayFilter() {
			@Override
			public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
				return validate(exchange);
			}

			@Override
			public String toString() {
				return "AnswerKeyValidation";
			}
		};
	}

	private Mono<Void> validate(ServerWebExchange exchange) {
		return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_BODY).map((buffer) -> {
			try {
				return this.json.readValue(buffer.asInputStream(true), ValidateRequest.class);
			}
			catch (JacksonException ex) {
				return new ValidateRequest(null);
			}
		})
			.defaultIfEmpty(new ValidateRequest(null))
			.flatMap((request) -> (request.apiKey() == null || request.apiKey().isBlank())
					? this.problems.reject(exchange, HttpStatus.UNPROCESSABLE_CONTENT, "invalid-field",
							"The body must be JSON with a non-empty api_key")
					: answer(exchange, request.apiKey().strip()))
			.onErrorResume(DataBufferLimitException.class,
					(ex) -> this.problems.reject(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
							"The body must be at most " + MAX_BODY + " bytes"));
	}

	private Mono<Void> answer(ServerWebExchange exchange, String key) {
		return this.authenticator.authenticate(key).flatMap((result) -> switch (result) {
			case Authentication.Authenticated(Principal principal) -> {
				LiveQuotas.Snapshot quota = this.quotas.current(principal);
				yield write(exchange, new Validation(true, null, principal.role().wireName(),
						principal.rateLimitPerMinute(), quota.dailyQuota(), quota.remainingToday(), quota.resetsAt()));
			}
			case Authentication.Refused(String outcome) -> this.failures.refuse(exchange,
					() -> write(exchange, new Validation(false, outcome, null, null, null, null, null)));
			case Authentication.Unavailable() -> this.problems.reject(exchange, HttpStatus.SERVICE_UNAVAILABLE,
					"key-manager-unavailable", "API keys cannot be checked right now; retry shortly");
		});
	}

	private Mono<Void> write(ServerWebExchange exchange, Validation validation) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.OK);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().setCacheControl("no-store");
		return response.writeWith(Mono.just(response.bufferFactory().wrap(this.json.writeValueAsBytes(validation))));
	}

	record ValidateRequest(@Nullable String apiKey) {
	}

	/** The answer: validity, and for a valid key its role and quota. */
	record Validation(boolean valid, @Nullable String reason, @Nullable String role,
			@Nullable Integer rateLimitPerMinute, @Nullable Integer dailyQuota, @Nullable Integer remainingToday,
			@Nullable Instant resetsAt) {
	}

}
