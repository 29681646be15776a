package io.vstage.staging.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.hibernate.Interceptor;
import org.hibernate.type.Type;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Times each image from its submission to an engine to its outcome, as
 * {@code vstage.image.duration} tagged {@code outcome} (done, failed, cancelled). Every
 * outcome, whoever records it (the pipeline, a cancel, the recovery after a restart), is
 * a flush of a job image whose status becomes final: watching flushes keeps the job
 * package untouched. Recorded once the transaction commits.
 */
@Component
class ImageDurations implements Interceptor, HibernatePropertiesCustomizer {

	static final String METRIC = "vstage.image.duration";

	private static final String ENTITY = "io.vstage.staging.job.JobImage";

	private static final Set<String> FINAL = Set.of("DONE", "FAILED", "CANCELLED");

	// looked up late: the registry is not needed while the entity manager is being built
	private final ObjectProvider<MeterRegistry> registry;

	ImageDurations(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void customize(Map<String, Object> hibernateProperties) {
		hibernateProperties.put("hibernate.session_factory.interceptor", this);
	}

	@Override
	public boolean onFlushDirty(Object entity, Object id, Object[] currentState, Object[] previousState,
			String[] propertyNames, Type[] types) {
		if (!entity.getClass().getName().startsWith(ENTITY) || previousState == null) {
			return false;
		}
		int status = Arrays.asList(propertyNames).indexOf("status");
		int submitted = Arrays.asList(propertyNames).indexOf("submittedAt");
		int finished = Arrays.asList(propertyNames).indexOf("finishedAt");
		if (status < 0 || submitted < 0 || finished < 0) {
			return false;
		}
		String before = name(previousState[status]);
		String after = name(currentState[status]);
		if (after == null || !FINAL.contains(after) || (before != null && FINAL.contains(before))
				|| !(currentState[submitted] instanceof Instant from)
				|| !(currentState[finished] instanceof Instant to)) {
			return false;
		}
		afterCommit(after.toLowerCase(Locale.ROOT), Duration.between(from, to));
		return false;
	}

	private void afterCommit(String outcome, Duration duration) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			record(outcome, duration);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				record(outcome, duration);
			}
		});
	}

	private void record(String outcome, Duration duration) {
		MeterRegistry meters = this.registry.getIfAvailable();
		if (meters != null && !duration.isNegative()) {
			Timer.builder(METRIC)
				.description("Time from an image's submission to an engine to its outcome")
				.tag("outcome", outcome)
				.publishPercentileHistogram()
				.minimumExpectedValue(Duration.ofSeconds(1))
				.maximumExpectedValue(Duration.ofMinutes(15))
				.register(meters)
				.record(duration);
		}
	}

	private static @Nullable String name(@Nullable Object status) {
		return (status instanceof Enum<?> value) ? value.name() : null;
	}

}
