package io.vstage.staging.job;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.vstage.staging.quota.RefundOutbox;
import io.vstage.staging.webhook.WebhookOutbox;

/**
 * Every state change of jobs and images, one at a time and each in its own transaction,
 * so a cancel and a finishing image never both win. A job whose images are all finished
 * is closed here: refund and webhook are recorded in the same transaction.
 */
@Component
class JobLedger {

	private static final Log logger = LogFactory.getLog(JobLedger.class);

	private static final int MAX_ATTEMPTS = 5;

	private final ReentrantLock lock = new ReentrantLock();

	private final StagingJobRepository jobs;

	private final JobImageRepository images;

	private final TransactionTemplate transactions;

	private final RefundOutbox refunds;

	private final WebhookOutbox webhooks;

	private final JobViews views;

	private final JobEvents events;

	private final JsonMapper json;

	private final LeaseOwner owner;

	private final Clock clock;

	JobLedger(StagingJobRepository jobs, JobImageRepository images, TransactionTemplate transactions,
			RefundOutbox refunds, WebhookOutbox webhooks, JobViews views, JobEvents events, JsonMapper json,
			LeaseOwner owner, Clock clock) {
		this.owner = owner;
		this.jobs = jobs;
		this.images = images;
		this.transactions = transactions;
		this.refunds = refunds;
		this.webhooks = webhooks;
		this.views = views;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	<T> T locked(Supplier<T> work) {
		this.lock.lock();
		try {
			for (int attempt = 1;; attempt++) {
				try {
					return this.transactions.execute((status) -> work.get());
				}
				catch (ConcurrencyFailureException ex) {
					// SQLITE_BUSY: a writer outside this lock (an outbox sender, another
					// process) committed between this transaction's read and its write.
					// It was rolled back, so it runs again on fresh state
					if (attempt >= MAX_ATTEMPTS) {
						throw ex;
					}
					logger.debug("Retrying a ledger transaction: " + ex.getMessage());
					pause(attempt);
				}
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(50L * attempt);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while retrying a ledger transaction", ex);
		}
	}

	/**
	 * Records the prompt id before it is sent; false when the image is no longer pending
	 * or its job no longer belongs to this backend. The job row stays locked until the
	 * record is committed, so a takeover either sees the prompt id or makes this fail.
	 */
	boolean assign(String imageId, String engineUrl, String promptId) {
		String jobId = jobOf(imageId);
		boolean[] started = new boolean[1];
		boolean assigned = locked(() -> {
			StagingJob job = this.jobs.lockById(jobId).orElseThrow();
			JobImage image = this.images.findById(imageId).orElseThrow();
			if (image.getStatus() != ImageStatus.PENDING || job.getStatus().isFinished()) {
				return false;
			}
			if (!this.owner.owns(job)) {
				logger.warn("Image " + imageId + " not sent: job " + jobId + " now belongs to " + job.getLeaseOwner());
				return false;
			}
			image.assign(engineUrl, promptId, this.clock.instant());
			started[0] = job.getStatus() == JobStatus.QUEUED;
			job.start(this.clock.instant());
			return true;
		});
		if (started[0]) {
			publishState(jobId, "started");
			publishQueuePositions();
		}
		return assigned;
	}

	private String jobOf(String imageId) {
		return this.images.findById(imageId).orElseThrow().getJobId();
	}

	void running(String imageId) {
		String jobId = jobOf(imageId);
		locked(() -> {
			// a cancel through another backend must not be overwritten
			this.jobs.lockById(jobId);
			this.images.findById(imageId).ifPresent(JobImage::running);
			return null;
		});
	}

	void requeue(String imageId) {
		String jobId = jobOf(imageId);
		locked(() -> {
			this.jobs.lockById(jobId);
			this.images.findById(imageId)
				.filter((image) -> !image.getStatus().isFinished())
				.ifPresent(JobImage::requeue);
			return null;
		});
	}

	/**
	 * Records an image's outcome unless it already has one (e.g. cancelled meanwhile).
	 */
	boolean finish(String imageId, ImageStatus outcome, @Nullable String error) {
		String jobId = jobOf(imageId);
		String[] closed = new String[1];
		boolean changed = locked(() -> {
			this.jobs.lockById(jobId);
			JobImage image = this.images.findById(imageId).orElseThrow();
			if (image.getStatus().isFinished()) {
				return false;
			}
			image.finish(outcome, error, this.clock.instant());
			this.images.flush();
			closed[0] = closeIfDone(image.getJobId());
			return true;
		});
		if (changed && outcome == ImageStatus.DONE) {
			JobImage image = this.images.findById(imageId).orElseThrow();
			publishImageReady(image);
		}
		if (closed[0] != null) {
			publishState(closed[0], null);
		}
		return changed;
	}

	/** Cancels a job; answers the images that were on an engine, to be removed there. */
	List<JobImage> cancel(String jobId) {
		List<JobImage> onEngine = locked(() -> {
			StagingJob job = this.jobs.lockById(jobId).orElseThrow();
			if (job.getStatus().isFinished()) {
				return List.<JobImage>of();
			}
			List<JobImage> all = this.images.findByJobIdOrderByPosition(jobId);
			List<JobImage> wasOnEngine = all.stream().filter((image) -> image.getStatus().isOnEngine()).toList();
			all.stream()
				.filter((image) -> !image.getStatus().isFinished())
				.forEach((image) -> image.finish(ImageStatus.CANCELLED, "cancelled", this.clock.instant()));
			this.images.flush();
			closeIfDone(jobId);
			return wasOnEngine;
		});
		publishState(jobId, null);
		publishQueuePositions();
		return onEngine;
	}

	/** Closes the job when no image is left to run; answers the job id when it did. */
	@Nullable String closeIfDone(String jobId) {
		StagingJob job = this.jobs.findById(jobId).orElseThrow();
		List<JobImage> all = this.images.findByJobIdOrderByPosition(jobId);
		if (job.getStatus().isFinished() && job.getFinishedAt() != null
				|| !all.stream().allMatch((image) -> image.getStatus().isFinished())) {
			return null;
		}
		long done = all.stream().filter((image) -> image.getStatus() == ImageStatus.DONE).count();
		boolean cancelled = all.stream().anyMatch((image) -> image.getStatus() == ImageStatus.CANCELLED);
		JobStatus outcome = cancelled ? JobStatus.CANCELLED : (done > 0) ? JobStatus.COMPLETED : JobStatus.FAILED;
		String error = (outcome == JobStatus.FAILED) ? firstError(all) : null;
		job.finish(outcome, error, this.clock.instant());
		if (job.getReservationId() != null) {
			this.refunds.record(job.getReservationId(), jobId, (int) (all.size() - done));
		}
		String webhook = job.spec().webhookUrl();
		if (webhook != null && outcome != JobStatus.CANCELLED) {
			String type = (outcome == JobStatus.COMPLETED) ? "job.completed" : "job.failed";
			String payload = this.json
				.writeValueAsString(new WebhookPayload(type, this.clock.instant(), this.views.view(job, all)));
			this.webhooks.record(jobId, type, webhook, payload);
		}
		return jobId;
	}

	private void publishImageReady(JobImage image) {
		StagingJob job = this.jobs.findById(image.getJobId()).orElseThrow();
		JobView view = this.views.view(job, this.images.findByJobIdOrderByPosition(job.getId()));
		this.events.publish(job.getId(), "image_ready", view.images().get(image.getPosition()));
	}

	void publishState(String jobId, @Nullable String name) {
		StagingJob job = this.jobs.findById(jobId).orElseThrow();
		JobView view = this.views.view(job, this.images.findByJobIdOrderByPosition(jobId));
		this.events.publish(jobId, (name != null) ? name : JobEvents.stateEvent(view.status()), view);
	}

	/**
	 * A job left the queue: every queued job with an open stream hears its place again
	 * ({@code queued} with its position).
	 */
	private void publishQueuePositions() {
		for (String watched : this.events.watchedJobs()) {
			this.jobs.findById(watched)
				.filter((job) -> job.getStatus() == JobStatus.QUEUED)
				.ifPresent((job) -> this.events.publish(watched, "queued",
						this.views.view(job, this.images.findByJobIdOrderByPosition(watched))));
		}
	}

	private static @Nullable String firstError(List<JobImage> images) {
		return images.stream().map(JobImage::getError).filter((e) -> e != null).findFirst().orElse(null);
	}

	/** Body of a webhook message. */
	record WebhookPayload(String type, java.time.Instant timestamp, JobView data) {
	}

}
