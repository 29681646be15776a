package io.vstage.keys.usage;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Usage of one key over a range of quota days.
 *
 * @param keyId the key; null in totals over several keys
 * @param from first day
 * @param to last day (inclusive)
 * @param images images counted against the quota
 * @param requests requests reported by the gateway
 * @param successRate share of requests answered 2xx or 3xx (null without requests)
 * @param meanLatencyMs mean latency (null without requests)
 * @param p95LatencyMs 95th percentile latency (null without requests)
 * @param days the same per day
 */
public record UsageReport(@Nullable String keyId, LocalDate from, LocalDate to, long images, long requests,
		@Nullable Double successRate, @Nullable Double meanLatencyMs, @Nullable Integer p95LatencyMs, List<Day> days) {

	/**
	 * One day of usage.
	 *
	 * @param day the day
	 * @param images images counted against the quota
	 * @param requests requests reported
	 */
	public record Day(LocalDate day, int images, int requests) {
	}

}
