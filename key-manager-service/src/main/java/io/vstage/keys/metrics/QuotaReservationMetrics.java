package io.vstage.keys.metrics;

import java.io.IOException;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the gateway's quota reservations by the answer they got, as
 * {@code vstage.quota.reservations} tagged {@code outcome}: granted (201), replayed (200,
 * the same reservation again), quota_exceeded (429) or rejected (key unknown, revoked,
 * reservation released before it arrived, invalid request). Read from the answer's
 * status, so the quota code stays untouched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class QuotaReservationMetrics extends OncePerRequestFilter {

	static final String METRIC = "vstage.quota.reservations";

	static final String PATH = "/internal/v1/quota/reservations";

	private final Map<String, Counter> counters;

	QuotaReservationMetrics(MeterRegistry registry) {
		this.counters = Map.of("granted", counter(registry, "granted"), "replayed", counter(registry, "replayed"),
				"quota_exceeded", counter(registry, "quota_exceeded"), "rejected", counter(registry, "rejected"));
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder(METRIC)
			.description("Quota reservations by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && PATH.equals(request.getRequestURI()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		String outcome = outcomeOf(response.getStatus());
		if (outcome != null) {
			this.counters.get(outcome).increment();
		}
	}

	static @Nullable String outcomeOf(int status) {
		return switch (status) {
			case 201 -> "granted";
			case 200 -> "replayed";
			case 429 -> "quota_exceeded";
			// not the caller's credentials (401/403) nor our failure (5xx): the request
			// itself
			case 400, 404, 409, 413, 415, 422 -> "rejected";
			default -> null;
		};
	}

}
