package io.vstage.staging.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.vstage.staging.files.ImageStore;
import io.vstage.staging.files.LinkSigner;

/**
 * Builds {@link JobView}s with fresh signed links and live progress.
 */
@Component
class JobViews {

	private final StagingJobRepository jobs;

	private final LinkSigner signer;

	private final ImageStore store;

	/**
	 * Percent done of images on an engine, by image id; lost on restart, which is
	 * harmless.
	 */
	private final Map<String, Integer> progress = new ConcurrentHashMap<>();

	JobViews(StagingJobRepository jobs, LinkSigner signer, ImageStore store) {
		this.jobs = jobs;
		this.signer = signer;
		this.store = store;
	}

	void progress(String imageId, int percent) {
		this.progress.put(imageId, percent);
	}

	JobView view(StagingJob job, List<JobImage> images) {
		List<JobView.ImageView> imageViews = new ArrayList<>();
		int sum = 0;
		for (JobImage image : images) {
			boolean done = image.getStatus() == ImageStatus.DONE;
			int position = image.getPosition();
			sum += image.getStatus().isFinished() ? 100 : this.progress.getOrDefault(image.getId(), 0);
			imageViews.add(new JobView.ImageView(position, image.getInputIndex(), lower(image.getStatus().name()),
					image.getSeed(), done ? link(job, ImageStore.pngName(position)) : null,
					done ? link(job, ImageStore.jpegName(position)) : null,
					done ? link(job, ImageStore.thumbnailName(position)) : null, image.getError(),
					image.getSubmittedAt(), image.getFinishedAt()));
			if (image.getStatus().isFinished()) {
				this.progress.remove(image.getId());
			}
		}
		List<String> inputs = new ArrayList<>();
		for (int i = 0; i < job.getInputCount(); i++) {
			inputs.add(inputFile(job.getId(), i).map((file) -> link(job, file.getFileName().toString())).orElse(""));
		}
		Integer position = (job.getStatus() == JobStatus.QUEUED) ? queuePosition(job) : null;
		String self = "/api/v1/staging/jobs/" + job.getId();
		return new JobView(job.getId(), lower(job.getStatus().name()), job.spec().roomType(), job.spec().style(),
				job.spec().workflow(), job.spec().numImages(), job.getInputCount(), job.spec().label(),
				job.getCreatedAt(), job.getStartedAt(), job.getFinishedAt(), position,
				images.isEmpty() ? 0 : sum / images.size(), imageViews, inputs, job.getError(),
				new JobView.Links(self, self + "/events", self));
	}

	/** 1 for the next job to start. */
	int queuePosition(StagingJob job) {
		return (int) this.jobs.countQueuedBefore(job.getCreatedAt()) + 1;
	}

	java.util.Optional<Path> inputFile(String jobId, int index) {
		for (ImageFormat format : ImageFormat.values()) {
			Path file = this.store.jobDir(jobId).resolve(ImageStore.inputName(index, format.extension()));
			if (Files.exists(file)) {
				return java.util.Optional.of(file);
			}
		}
		return java.util.Optional.empty();
	}

	private String link(StagingJob job, String name) {
		return this.signer.sign(ImageStore.path(job.getId(), name));
	}

	private static String lower(String name) {
		return name.toLowerCase();
	}

}
