package io.vstage.staging.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

import io.vstage.staging.StagingProperties;
import io.vstage.staging.catalog.Workflow;
import io.vstage.staging.catalog.WorkflowCatalog;
import io.vstage.staging.engine.EngineInstance;
import io.vstage.staging.engine.EngineProperties;
import io.vstage.staging.engine.EngineUnavailableException;
import io.vstage.staging.engine.PromptRejectedException;
import io.vstage.staging.job.PromptTracker.Signal;
import io.vstage.staging.job.PromptTracker.Watch;

/**
 * Runs one variation on one instance: upload, bind, persist the prompt id, queue, follow,
 * collect.
 */
@Component
class ImageRun {

	private static final Log logger = LogFactory.getLog(ImageRun.class);

	private final JobImageRepository images;

	private final StagingJobRepository jobs;

	private final JobLedger ledger;

	private final PromptTracker tracker;

	private final WorkflowCatalog catalog;

	private final OutputCollector collector;

	private final JobViews views;

	private final StagingProperties properties;

	private final int maxAttempts;

	private final Clock clock;

	ImageRun(JobImageRepository images, StagingJobRepository jobs, JobLedger ledger, PromptTracker tracker,
			WorkflowCatalog catalog, OutputCollector collector, JobViews views, StagingProperties properties,
			EngineProperties engineProperties, Clock clock) {
		this.maxAttempts = engineProperties.maxAttempts();
		this.images = images;
		this.jobs = jobs;
		this.ledger = ledger;
		this.tracker = tracker;
		this.catalog = catalog;
		this.collector = collector;
		this.views = views;
		this.properties = properties;
		this.clock = clock;
	}

	/** Answers true when the image must go back into the queue. */
	boolean run(String imageId, EngineInstance instance) {
		JobImage image = this.images.findById(imageId).orElse(null);
		if (image == null || image.getStatus() != ImageStatus.PENDING) {
			return false;
		}
		StagingJob job = this.jobs.findById(image.getJobId()).orElseThrow();
		Workflow workflow = this.catalog.workflow(job.spec().workflow()).orElseThrow();
		String promptId = UUID.randomUUID().toString();
		Watch watch = this.tracker.watch(promptId, image, instance);
		try {
			Path input = this.views.inputFile(job.getId(), image.getInputIndex()).orElseThrow();
			String uploaded = instance.client().uploadImage(job.getId() + "-" + input.getFileName(), input);
			var graph = workflow.bind(parameters(job, image, uploaded));
			if (!this.ledger.assign(imageId, instance.url().toString(), promptId)) {
				return false;
			}
			try {
				instance.client().queuePrompt(promptId, instance.clientId(), graph);
				watch.sent();
			}
			catch (EngineUnavailableException ex) {
				bestEffortDelete(instance, promptId);
				throw ex;
			}
			return follow(watch, workflow, job, image.getPosition(), this.clock.instant());
		}
		catch (PromptRejectedException ex) {
			this.ledger.finish(imageId, ImageStatus.FAILED, "the engine refused the workflow: " + ex.getMessage());
			return false;
		}
		catch (EngineUnavailableException ex) {
			if (Thread.currentThread().isInterrupted()) {
				return false;
			}
			instance.unhealthy(ex.getMessage());
			return requeueOrFail(imageId, "engine unreachable: " + ex.getMessage());
		}
		finally {
			this.tracker.forget(promptId);
		}
	}

	/** Resumes following a prompt found in the database after a restart. */
	boolean reattach(JobImage image, EngineInstance instance) {
		StagingJob job = this.jobs.findById(image.getJobId()).orElseThrow();
		Workflow workflow = this.catalog.workflow(job.spec().workflow()).orElseThrow();
		Watch watch = this.tracker.watchQueuedElsewhere(image.getPromptId(), image, instance);
		try {
			this.tracker.reconcile(instance);
			Instant submitted = Optional.ofNullable(image.getSubmittedAt()).orElse(this.clock.instant());
			return follow(watch, workflow, job, image.getPosition(), submitted);
		}
		catch (EngineUnavailableException ex) {
			if (Thread.currentThread().isInterrupted()) {
				return false;
			}
			return requeueOrFail(image.getId(), "engine unreachable: " + ex.getMessage());
		}
		finally {
			this.tracker.forget(image.getPromptId());
		}
	}

	private boolean follow(Watch watch, Workflow workflow, StagingJob job, int position, Instant submitted) {
		Duration left = Duration.between(this.clock.instant(), submitted.plus(this.properties.imageDeadline()));
		Signal signal;
		try {
			signal = watch.signal.get(Math.max(1, left.toMillis()), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			bestEffortDelete(watch.instance, watch.promptId);
			interrupt(watch);
			this.ledger.finish(watch.imageId, ImageStatus.FAILED, "the image did not finish within "
					+ this.properties.imageDeadline().toSeconds() + " s and was stopped; try again later");
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		return switch (signal) {
			case CANCELLED -> false;
			case LOST -> requeueOrFail(watch.imageId, "the engine lost the prompt (it may have restarted)");
			case UNREACHABLE -> requeueOrFail(watch.imageId, "the engine became unreachable");
			case FINISHED -> {
				this.collector.collect(watch, workflow, job, position);
				yield false;
			}
		};
	}

	private boolean requeueOrFail(String imageId, String reason) {
		JobImage image = this.images.findById(imageId).orElseThrow();
		if (image.getStatus().isFinished()) {
			return false;
		}
		if (image.getAttempts() >= this.maxAttempts) {
			this.ledger.finish(imageId, ImageStatus.FAILED, reason);
			return false;
		}
		logger.info("Image " + imageId + " goes back into the queue: " + reason);
		this.ledger.requeue(imageId);
		return true;
	}

	private static void interrupt(Watch watch) {
		try {
			watch.instance.client().interrupt(watch.promptId);
		}
		catch (EngineUnavailableException ex) {
			logger.debug("Interrupt failed: " + ex.getMessage());
		}
	}

	private static void bestEffortDelete(EngineInstance instance, String promptId) {
		try {
			instance.client().deletePending(promptId);
		}
		catch (EngineUnavailableException ex) {
			logger.debug("Queue delete failed: " + ex.getMessage());
		}
	}

	private Map<String, Object> parameters(StagingJob job, JobImage image, String uploaded) {
		var prompts = this.catalog.prompts(job.spec().roomType(), job.spec().style(), job.spec().prompt(),
				job.spec().negativePrompt());
		Map<String, Object> values = new HashMap<>();
		values.put("image", uploaded);
		values.put("prompt", prompts.positive());
		values.put("negative_prompt", prompts.negative());
		values.put("seed", image.getSeed());
		return values;
	}

}
