package io.vstage.staging.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * This backend process as the owner of job leases: its instance id and how long a lease
 * it takes lasts.
 */
@Component
class LeaseOwner {

	private static final Log logger = LogFactory.getLog(LeaseOwner.class);

	private final String id;

	private final Duration duration;

	private final Clock clock;

	LeaseOwner(LeaseProperties properties, Clock clock) {
		String configured = properties.instanceId();
		// random per start: a restarted process must not mistake its predecessor's jobs
		// for
		// ones its own workers are following
		this.id = (configured != null && !configured.isBlank()) ? configured.strip()
				: "backend-" + UUID.randomUUID().toString().substring(0, 8);
		this.duration = properties.leaseDuration();
		this.clock = clock;
		logger.info("Staging backend instance id " + this.id + "; job leases last " + this.duration.toMillis() / 1000.0
				+ " s");
	}

	String id() {
		return this.id;
	}

	Duration duration() {
		return this.duration;
	}

	/** When a lease taken or renewed now ends. */
	Instant until() {
		return this.clock.instant().plus(this.duration);
	}

	boolean owns(StagingJob job) {
		return this.id.equals(job.getLeaseOwner());
	}

}
