package io.vstage.gateway.metrics;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Counts the requests the gateway refused itself, as {@code vstage.gateway.refusals}
 * tagged with a coarse {@code reason} and the problem slug. Errors (upstream down, key
 * manager unavailable) are not refusals: {@code http.server.requests} shows them.
 */
@Component
class Refusals {

	/** Name of the counter. */
	static final String METRIC = "vstage.gateway.refusals";

	private static final Map<String, String> REASONS = Map.ofEntries(Map.entry("rate-limited", "rate_limit"),
			Map.entry("too-many-failed-authentications", "failed_authentications"),
			Map.entry("quota-exceeded", "quota"), Map.entry("unauthenticated", "unauthenticated"),
			Map.entry("invalid-api-key", "unauthenticated"), Map.entry("api-key-revoked", "unauthenticated"),
			Map.entry("api-key-expired", "unauthenticated"), Map.entry("malformed-api-key", "unauthenticated"),
			Map.entry("forbidden", "forbidden"), Map.entry("payload-too-large", "invalid_request"),
			Map.entry("unsupported-media-type", "invalid_request"), Map.entry("invalid-field", "invalid_request"));

	private final Map<String, Counter> counters;

	Refusals(MeterRegistry registry) {
		// one counter per known slug up front: every series exists (at 0) from the start
		this.counters = Map.copyOf(REASONS.entrySet()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
					(entry) -> Counter.builder(METRIC)
						.description("Requests the gateway refused itself")
						.tag("reason", entry.getValue())
						.tag("problem", entry.getKey())
						.register(registry))));
	}

	/** The coarse reason of a problem slug, or null when the slug is not a refusal. */
	static @Nullable String reasonOf(@Nullable String slug) {
		return (slug != null) ? REASONS.get(slug) : null;
	}

	/** Counts a refusal; answers its reason, or null when the slug is not a refusal. */
	@Nullable String record(@Nullable String slug) {
		Counter counter = (slug != null) ? this.counters.get(slug) : null;
		if (counter == null) {
			return null;
		}
		counter.increment();
		return reasonOf(slug);
	}

}
