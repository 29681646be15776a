package io.vstage.staging.job;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.vstage.staging.StagingProperties;
import io.vstage.staging.catalog.WorkflowCatalog;

/**
 * The first version's {@code POST /api/virtual-staging/generate}: same fields, same
 * answer shape, answered when the job has finished.
 */
@RestController
class LegacyGenerateController {

	private final JobService service;

	private final JobController jobs;

	private final WorkflowCatalog catalog;

	private final StagingProperties properties;

	LegacyGenerateController(JobService service, JobController jobs, WorkflowCatalog catalog,
			StagingProperties properties) {
		this.service = service;
		this.jobs = jobs;
		this.catalog = catalog;
		this.properties = properties;
	}

	@PostMapping(path = "/api/virtual-staging/generate", consumes = "multipart/form-data")
	LegacyResult generate(@AuthenticationPrincipal Jwt jwt,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(name = "num_images", required = false) @Nullable Integer numImages,
			@RequestParam(required = false) @Nullable String style,
			@RequestParam(name = "room_type", required = false) @Nullable String roomType,
			@RequestParam(required = false) @Nullable String prompt,
			@RequestParam(required = false) @Nullable Long seed) {
		Caller caller = Caller.of(jwt);
		JobForm form = new JobForm((roomType != null) ? roomType : this.catalog.defaultRoomType(),
				(style != null) ? style.strip().toLowerCase().replace(' ', '_').replace('-', '_') : null, prompt, null,
				numImages, seed, null, null, null);
		long started = System.nanoTime();
		StagingJob job = this.service.create(caller.id(), caller.reservationId(), form,
				(file != null) ? List.of(file) : List.of());
		Duration wait = this.properties.imageDeadline().multipliedBy(Math.max(1, job.spec().numImages()));
		JobView view = this.jobs.view(this.jobs.awaitFinish(job.getId(), wait));
		List<LegacyImage> results = view.images()
			.stream()
			.filter((image) -> image.url() != null)
			.map((image) -> new LegacyImage(image.url(), image.seed()))
			.toList();
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("job_id", view.id());
		metadata.put("status", view.status());
		metadata.put("style", view.style());
		metadata.put("room_type", view.roomType());
		metadata.put("workflow", view.workflow());
		metadata.put("num_images", view.numImages());
		metadata.put("processing_time", (System.nanoTime() - started) / 1e9);
		boolean success = !results.isEmpty();
		String message = success ? "Generated " + results.size() + " of " + view.numImages() + " images"
				: (view.error() != null) ? view.error() : "The job did not finish in time (" + view.status() + ")";
		return new LegacyResult(success, message, results, metadata);
	}

	record LegacyResult(boolean success, String message, List<LegacyImage> results, Map<String, Object> metadata) {
	}

	record LegacyImage(String outputImageUrl, long seed) {
	}

}
