package io.vstage.gateway.ratelimit;

import java.util.Map;

import reactor.core.publisher.Mono;

import io.vstage.gateway.ClientAddress;
import io.vstage.gateway.GatewayAttributes;
import io.vstage.gateway.GatewayFilterOrder;
import io.vstage.gateway.RoutePolicy;
import io.vstage.gateway.auth.Principal;
import io.vstage.gateway.web.ProblemResponder;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spends one token per request: of the key's bucket ({@code rate_limit_per_minute}) on
 * keyed routes, of the client address's bucket on routes that take a key from the body.
 * Every limited response carries the rate-limit headers; an empty bucket ends the request
 * with 429.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

	private final RateLimitBuckets buckets;

	private final RateLimitProperties properties;

	private final ProblemResponder problems;

	RateLimitFilter(RateLimitBuckets buckets, RateLimitProperties properties, ProblemResponder problems) {
		this.buckets = buckets;
		this.properties = properties;
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		RoutePolicy policy = RoutePolicy.of(exchange);
		return switch (policy.rateLimit()) {
			case OFF -> chain.filter(exchange);
			case KEY -> {
				Principal principal = exchange.getAttribute(GatewayAttributes.PRINCIPAL);
				yield (principal != null)
						? limit(exchange, chain, "key:" + principal.keyId(), principal.rateLimitPerMinute(), "per-key")
						: chain.filter(exchange);
			}
			case ADDRESS -> limit(exchange, chain, "addr:" + ClientAddress.of(exchange).value(),
					this.properties.perAddressPerMinute(), "per-address");
		};
	}

	private Mono<Void> limit(ServerWebExchange exchange, GatewayFilterChain chain, String bucket, long perMinute,
			String policyName) {
		return this.buckets.consume(bucket, perMinute).flatMap((probe) -> {
			RateLimitHeaders.write(exchange.getResponse().getHeaders(), policyName, probe);
			if (probe.consumed()) {
				return chain.filter(exchange);
			}
			return this.problems.reject(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
					"Rate limit of " + perMinute + " requests per minute reached; retry in " + probe.retryAfterSeconds()
							+ " s",
					Map.of("limit_per_minute", perMinute, "retry_after_seconds", probe.retryAfterSeconds()));
		});
	}

	@Override
	public int getOrder() {
		return GatewayFilterOrder.RATE_LIMIT;
	}

}
