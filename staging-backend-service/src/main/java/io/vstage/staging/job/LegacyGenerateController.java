package io.vstage.staging.job;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vstage.contracts.generation.GenerationApi;
import io.vstage.staging.StagingProperties;
import io.vstage.staging.catalog.WorkflowCatalog;

/**
 * The first version's {@code POST /api/virtual-staging/generate}: same fields, same
 * answer shape, answered when the job has finished.
 */
@RestController
class LegacyGenerateController {

	/** The first version staged in this style when a client named none. */
	private static final String FIRST_VERSION_DEFAULT_STYLE = "scandinavian";

	private final JobService service;

	private final GenerationIntake intake;

	private final JobController jobs;

	private final WorkflowCatalog catalog;

	private final StagingProperties properties;

	LegacyGenerateController(JobService service, GenerationIntake intake, JobController jobs, WorkflowCatalog catalog,
			StagingProperties properties) {
		this.service = service;
		this.intake = intake;
		this.jobs = jobs;
		this.catalog = catalog;
		this.properties = properties;
	}

	@PostMapping(path = "/api/virtual-staging/generate", consumes = "multipart/form-data")
	LegacyResult generate(@AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
		Caller caller = Caller.of(jwt);
		GenerationIntake.Admitted admitted = this.intake.admit(GenerationApi.LEGACY, request, caller);
		JobForm form = legacyStyle(JobForm.of(admitted.request())).withDefaults(this.catalog.defaultRoomType(),
				FIRST_VERSION_DEFAULT_STYLE);
		long started = System.nanoTime();
		StagingJob job = this.service.create(caller, form, admitted.photos());
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

	/** The first version wrote styles as "Modern" or "mid-century": ours are ids. */
	private static JobForm legacyStyle(JobForm form) {
		String style = form.style();
		if (style == null) {
			return form;
		}
		return new JobForm(form.roomType(), style.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_'),
				form.prompt(), form.negativePrompt(), form.numImages(), form.seed(), form.workflow(), form.label(),
				form.webhookUrl());
	}

	record LegacyResult(boolean success, String message, List<LegacyImage> results, Map<String, Object> metadata) {
	}

	record LegacyImage(String outputImageUrl, long seed) {
	}

}
