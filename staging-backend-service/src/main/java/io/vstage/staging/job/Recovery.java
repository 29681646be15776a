package io.vstage.staging.job;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

import io.vstage.staging.engine.EngineInstance;
import io.vstage.staging.engine.EnginePool;

/**
 * Picks up unfinished jobs this backend has just claimed (see {@link Leases}): prompts
 * still on an engine are followed again (collected from {@code /history} if they finished
 * meanwhile), pending images are queued again, so a job accepted with 202 is never
 * dropped.
 */
@Component
class Recovery {

	private static final Log logger = LogFactory.getLog(Recovery.class);

	private final JobImageRepository images;

	private final Dispatcher dispatcher;

	private final JobLedger ledger;

	private final EnginePool pool;

	Recovery(JobImageRepository images, Dispatcher dispatcher, JobLedger ledger, EnginePool pool) {
		this.images = images;
		this.dispatcher = dispatcher;
		this.ledger = ledger;
		this.pool = pool;
	}

	void recover(List<StagingJob> open) {
		if (open.isEmpty()) {
			return;
		}
		Map<String, List<JobImage>> byJob = this.images
			.findByJobIdInOrderByPosition(open.stream().map(StagingJob::getId).toList())
			.stream()
			.collect(Collectors.groupingBy(JobImage::getJobId));
		int reattached = 0;
		int requeued = 0;
		for (StagingJob job : open) {
			List<JobImage> jobImages = byJob.getOrDefault(job.getId(), List.of())
				.stream()
				.sorted(Comparator.comparingInt(JobImage::getPosition))
				.toList();
			for (JobImage image : jobImages) {
				if (image.getStatus().isOnEngine()) {
					EngineInstance instance = this.pool.find(String.valueOf(image.getEngineUrl())).orElse(null);
					if (instance != null) {
						this.dispatcher.reattach(image, instance);
						reattached++;
						continue;
					}
					// its engine is no longer configured: run it elsewhere
					this.ledger.requeue(image.getId());
				}
				if (!image.getStatus().isFinished()) {
					this.dispatcher.enqueue(List.of(image.getId()));
					requeued++;
				}
			}
			this.ledger.locked(() -> this.ledger.closeIfDone(job.getId()));
		}
		logger.info("Recovered " + open.size() + " jobs: " + reattached + " prompts reattached, " + requeued
				+ " images queued again");
	}

}
