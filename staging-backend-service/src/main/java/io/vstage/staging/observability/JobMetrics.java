package io.vstage.staging.observability;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * {@code vstage.jobs} by {@code state} and {@code vstage.queue.backlog} (images waiting
 * for an engine), counted in the database, so they are the same on every instance that
 * shares it. A scrape queries at most once per {@link #MAX_AGE}.
 */
@Component
class JobMetrics implements MeterBinder {

	static final Duration MAX_AGE = Duration.ofSeconds(5);

	// the values of JobStatus; a state that appears later is still counted, without a
	// series of its own until it is listed here
	private static final List<String> STATES = List.of("queued", "running", "completed", "failed", "cancelled");

	private static final Log logger = LogFactory.getLog(JobMetrics.class);

	private final JdbcTemplate jdbc;

	private volatile Counts counts = new Counts(Map.of(), 0, System.nanoTime() - MAX_AGE.toNanos());

	JobMetrics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String state : STATES) {
			Gauge.builder("vstage.jobs", () -> counts().jobs().getOrDefault(state, 0L))
				.description("Jobs by state, in the database")
				.tag("state", state)
				.register(registry);
		}
		Gauge.builder("vstage.queue.backlog", () -> counts().pendingImages())
			.description("Images accepted and waiting for an engine, in the database")
			.register(registry);
	}

	private Counts counts() {
		Counts current = this.counts;
		long now = System.nanoTime();
		if (now - current.at() < MAX_AGE.toNanos()) {
			return current;
		}
		synchronized (this) {
			if (now - this.counts.at() < MAX_AGE.toNanos()) {
				return this.counts;
			}
			try {
				this.counts = query(now);
			}
			catch (RuntimeException ex) {
				// a scrape must not fail because the database is busy: keep the last
				// figures
				logger.debug("Job counts not refreshed: " + ex.getMessage());
				this.counts = new Counts(current.jobs(), current.pendingImages(), now);
			}
			return this.counts;
		}
	}

	private Counts query(long now) {
		Map<String, Long> jobs = new HashMap<>();
		this.jdbc.query("select status, count(*) from staging_job group by status",
				(RowCallbackHandler) (row) -> jobs.put(row.getString(1).toLowerCase(Locale.ROOT), row.getLong(2)));
		Long pending = this.jdbc.queryForObject("select count(*) from job_image where status = 'PENDING'", Long.class);
		return new Counts(Map.copyOf(jobs), (pending != null) ? pending : 0, now);
	}

	private record Counts(Map<String, Long> jobs, long pendingImages, long at) {
	}

}
