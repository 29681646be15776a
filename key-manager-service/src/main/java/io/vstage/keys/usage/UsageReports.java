package io.vstage.keys.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.vstage.keys.KeyManagerProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Builds usage reports from the quota counters (images) and the usage events (requests,
 * latency).
 */
@Service
public class UsageReports {

	private final JdbcClient jdbc;

	private final ZoneId zone;

	UsageReports(JdbcClient jdbc, KeyManagerProperties properties) {
		this.jdbc = jdbc;
		this.zone = properties.quotaZone();
	}

	/** Usage of a key from {@code from} to {@code to}, both inclusive. */
	public UsageReport report(UUID keyId, LocalDate from, LocalDate to) {
		return build(keyId.toString(), "key_id = ?", List.of(keyId.toString()), from, to);
	}

	/**
	 * Usage of every key, deleted ones included, from {@code from} to {@code to}, both
	 * inclusive.
	 */
	public UsageReport totals(LocalDate from, LocalDate to) {
		return build(null, "1 = 1", List.of(), from, to);
	}

	/** Usage of the user keys that {@code issuer} created, as an admin sees them. */
	public UsageReport totalsOfKeysIssuedBy(String issuer, LocalDate from, LocalDate to) {
		return build(null, "key_id in (select id from api_keys where created_by = ? and role = 'USER')",
				List.of(issuer), from, to);
	}

	private UsageReport build(@Nullable String keyId, String keys, List<Object> keyParams, LocalDate from,
			LocalDate to) {
		Map<LocalDate, Integer> images = new HashMap<>();
		this.jdbc
			.sql("select day, sum(used) from quota_counters where " + keys + " and day >= ? and day <= ? group by day")
			.params(concat(keyParams, from.toString(), to.toString()))
			.query((rs, row) -> images.put(LocalDate.parse(rs.getString(1)), rs.getInt(2)))
			.list();
		Map<LocalDate, Integer> requests = new HashMap<>();
		List<Integer> latencies = new ArrayList<>();
		long[] successes = new long[1];
		long start = from.atStartOfDay(this.zone).toInstant().toEpochMilli();
		long end = to.plusDays(1).atStartOfDay(this.zone).toInstant().toEpochMilli();
		this.jdbc.sql("select at, status, latency_ms from usage_events where " + keys + " and at >= ? and at < ?")
			.params(concat(keyParams, start, end))
			.query((rs) -> {
				LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(rs.getLong(1)), this.zone);
				requests.merge(day, 1, Integer::sum);
				if (rs.getInt(2) < 400) {
					successes[0]++;
				}
				latencies.add(rs.getInt(3));
			});
		List<UsageReport.Day> days = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			days.add(new UsageReport.Day(day, images.getOrDefault(day, 0), requests.getOrDefault(day, 0)));
		}
		long totalImages = images.values().stream().mapToLong(Integer::longValue).sum();
		int n = latencies.size();
		if (n == 0) {
			return new UsageReport(keyId, from, to, totalImages, 0, null, null, null, days);
		}
		latencies.sort(null);
		double mean = latencies.stream().mapToLong(Integer::longValue).sum() / (double) n;
		int p95 = latencies.get(Math.max(0, (int) Math.ceil(0.95 * n) - 1));
		return new UsageReport(keyId, from, to, totalImages, n, successes[0] / (double) n, mean, p95, days);
	}

	private static List<Object> concat(List<Object> first, Object... rest) {
		List<Object> all = new ArrayList<>(first);
		all.addAll(List.of(rest));
		return all;
	}

}
