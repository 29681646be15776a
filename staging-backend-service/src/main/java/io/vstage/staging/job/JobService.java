package io.vstage.staging.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Part;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import io.vstage.staging.StagingProblem;
import io.vstage.staging.StagingProperties;
import io.vstage.staging.engine.EngineInstance;
import io.vstage.staging.engine.EnginePool;
import io.vstage.staging.engine.EngineUnavailableException;
import io.vstage.staging.files.ImageStore;
import io.vstage.staging.job.UploadInspector.ImageInfo;

/**
 * Accepts, lists and cancels jobs.
 */
@Service
class JobService {

	private final StagingJobRepository jobs;

	private final JobImageRepository images;

	private final JobRequestRules rules;

	private final UploadInspector inspector;

	private final ImageStore store;

	private final JobLedger ledger;

	private final Dispatcher dispatcher;

	private final PromptTracker tracker;

	private final EnginePool pool;

	private final StagingProperties properties;

	private final LeaseOwner owner;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	JobService(StagingJobRepository jobs, JobImageRepository images, JobRequestRules rules, ImageStore store,
			JobLedger ledger, Dispatcher dispatcher, PromptTracker tracker, EnginePool pool,
			StagingProperties properties, LeaseOwner owner, Clock clock) {
		this.owner = owner;
		this.jobs = jobs;
		this.images = images;
		this.rules = rules;
		this.inspector = new UploadInspector(properties.maxMegapixels());
		this.store = store;
		this.ledger = ledger;
		this.dispatcher = dispatcher;
		this.tracker = tracker;
		this.pool = pool;
		this.properties = properties;
		this.clock = clock;
	}

	StagingJob create(Caller caller, JobForm form, List<Part> files) {
		JobSpec spec = this.rules.check(form, files.size(), (form.seed() != null) ? form.seed() : randomSeed());
		if (this.pool.allDown()) {
			throw RetryLaterException.enginesDown();
		}
		if (this.jobs.countByStatusIn(List.of(JobStatus.QUEUED)) >= this.properties.queueCapacity()) {
			throw RetryLaterException.queueFull();
		}
		String jobId = UUID.randomUUID().toString();
		List<Path> accepted = new ArrayList<>();
		try {
			for (int i = 0; i < files.size(); i++) {
				accepted.add(accept(jobId, i, files.get(i)));
			}
		}
		catch (IOException ex) {
			this.store.deleteJob(jobId);
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			this.store.deleteJob(jobId);
			throw ex;
		}
		List<String> imageIds = new ArrayList<>();
		StagingJob job = this.ledger.locked(() -> {
			StagingJob created = this.jobs.save(
					new StagingJob(jobId, caller.id(), reservationId(caller), spec, files.size(), this.clock.instant())
						.ownedBy(caller.owner())
						.leasedTo(this.owner.id(), this.owner.until()));
			int position = 0;
			for (int input = 0; input < files.size(); input++) {
				for (int variation = 0; variation < spec.numImages(); variation++) {
					JobImage image = new JobImage(UUID.randomUUID().toString(), jobId, position++, input,
							variationSeed(spec.seed(), variation));
					imageIds.add(this.images.save(image).getId());
				}
			}
			return created;
		});
		this.dispatcher.enqueue(imageIds);
		return job;
	}

	private static @Nullable String reservationId(Caller caller) {
		return (caller.reservation() != null) ? caller.reservation().id().toString() : null;
	}

	/** Distinct, reproducible seeds for the variations of one request. */
	static long variationSeed(long seed, int variation) {
		return (seed + variation * 1_000_003L) & Long.MAX_VALUE;
	}

	private long randomSeed() {
		// at most 2^53 so that JavaScript clients read it exactly
		return this.random.nextLong(1L << 53);
	}

	private Path accept(String jobId, int index, Part file) throws IOException {
		if (file.getSize() > this.properties.maxUploadSize().toBytes()) {
			throw new StagingProblem(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large",
					"A file is larger than " + this.properties.maxUploadSize().toMegabytes() + " MB.");
		}
		Path incoming = Files.createTempFile(Files.createDirectories(this.store.jobDir(jobId)), "upload-", ".part");
		// a disk-backed part is moved, never read into memory
		file.write(incoming.toAbsolutePath().toString());
		ImageInfo info = this.inspector.inspect(incoming);
		return this.store.keepInput(jobId, index, info.format().extension(), incoming);
	}

	void cancel(StagingJob job) {
		for (JobImage image : this.ledger.cancel(job.getId())) {
			String promptId = image.getPromptId();
			EngineInstance instance = (image.getEngineUrl() != null) ? this.pool.find(image.getEngineUrl()).orElse(null)
					: null;
			if (promptId == null || instance == null) {
				continue;
			}
			this.tracker.cancel(promptId);
			try {
				// removed from the engine's queue when still pending there, interrupted
				// when running
				instance.client().deletePending(promptId);
				instance.client().interrupt(promptId);
			}
			catch (EngineUnavailableException ex) {
				instance.unhealthy(ex.getMessage());
			}
		}
	}

}
