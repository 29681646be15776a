package io.vstage.staging.job;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.vstage.staging.StagingProperties;
import io.vstage.staging.files.ImageStore;

/**
 * Deletes finished jobs older than the retention period, with their files.
 */
@Component
class Retention {

	private final StagingJobRepository jobs;

	private final JobImageRepository images;

	private final ImageStore store;

	private final JobLedger ledger;

	private final StagingProperties properties;

	private final Clock clock;

	Retention(StagingJobRepository jobs, JobImageRepository images, ImageStore store, JobLedger ledger,
			StagingProperties properties, Clock clock) {
		this.jobs = jobs;
		this.images = images;
		this.store = store;
		this.ledger = ledger;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
	void scheduledPurge() {
		purge();
	}

	int purge() {
		int purged = 0;
		for (StagingJob job : this.jobs
			.findByCreatedAtBefore(this.clock.instant().minus(this.properties.retention()))) {
			if (!job.getStatus().isFinished()) {
				continue;
			}
			this.ledger.locked(() -> {
				this.images.deleteAll(this.images.findByJobIdOrderByPosition(job.getId()));
				this.jobs.delete(job);
				return null;
			});
			this.store.deleteJob(job.getId());
			purged++;
		}
		return purged;
	}

}
