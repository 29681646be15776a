package io.vstage.staging.job;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.vstage.contracts.access.Access;
import io.vstage.contracts.generation.GenerationApi;
import io.vstage.contracts.generation.GenerationRequest;
import io.vstage.contracts.problem.ProblemTypes;
import io.vstage.staging.StagingProblem;

/**
 * The jobs API: submit, list, read, cancel and follow.
 */
@RestController
class JobController {

	private static final Duration MAX_WAIT = Duration.ofMinutes(5);

	/** Far past any history, yet page × size stays an int offset. */
	private static final int MAX_PAGE = 10_000_000;

	private static final int MAX_SIZE = 100;

	private final JobService service;

	private final GenerationIntake intake;

	private final StagingJobRepository jobs;

	private final JobImageRepository images;

	private final JobViews views;

	private final JobEvents events;

	JobController(JobService service, GenerationIntake intake, StagingJobRepository jobs, JobImageRepository images,
			JobViews views, JobEvents events) {
		this.service = service;
		this.intake = intake;
		this.jobs = jobs;
		this.images = images;
		this.views = views;
		this.events = events;
	}

	@PostMapping(path = "/api/v1/staging/jobs", consumes = "multipart/form-data")
	ResponseEntity<JobView> submit(@AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
		Caller caller = Caller.of(jwt);
		GenerationIntake.Admitted admitted = this.intake.admit(GenerationApi.STAGING, request, caller);
		GenerationRequest form = admitted.request();
		StagingJob job = this.service.create(caller, JobForm.of(form), admitted.photos());
		Integer waitSeconds = waitSeconds(form);
		if (waitSeconds != null && waitSeconds > 0) {
			StagingJob finished = awaitFinish(job.getId(), Duration.ofSeconds(waitSeconds));
			if (finished.getStatus().isFinished()) {
				return ResponseEntity.ok(view(finished));
			}
		}
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/staging/jobs/" + job.getId()))
			.body(view(this.jobs.findById(job.getId()).orElseThrow()));
	}

	/**
	 * A paging parameter outside its range is the client's mistake, said, not clamped.
	 */
	private static int checked(String field, int value, int min, int max) {
		if (value < min || value > max) {
			throw new StagingProblem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.INVALID_FIELD, field,
					field + " must be a whole number from " + min + " to " + max + ".");
		}
		return value;
	}

	private static @Nullable Integer waitSeconds(GenerationRequest form) {
		String wait = form.field(GenerationApi.WAIT).map(String::strip).orElse("");
		if (wait.isEmpty()) {
			return null;
		}
		if (!wait.matches("[0-9]{1,9}")) {
			throw new StagingProblem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.INVALID_FIELD, GenerationApi.WAIT,
					"wait is a whole number of seconds.");
		}
		return Integer.parseInt(wait);
	}

	@GetMapping("/api/v1/staging/jobs")
	Map<String, Object> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(defaultValue = "own") String scope) {
		Caller caller = Caller.of(jwt);
		PageRequest request = PageRequest.of(checked("page", page, 0, MAX_PAGE), checked("size", size, 1, MAX_SIZE));
		// everyone's history is their own jobs; admins may ask for every job within their
		// reach (the super admin: all; an admin: its own and its users')
		Page<StagingJob> found = switch (scope) {
			case "own" -> this.jobs.findByOwnerIdOrderByCreatedAtDesc(caller.id(), request);
			case "all" -> {
				if (!caller.isAdmin()) {
					throw new StagingProblem(HttpStatus.FORBIDDEN, "forbidden",
							"Only admins may list every key's jobs.");
				}
				yield this.jobs.findWithin(Access.reachOf(caller.actor()), request);
			}
			default -> throw new StagingProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-field",
					"scope must be own or all.");
		};
		Map<String, List<JobImage>> byJob = this.images
			.findByJobIdInOrderByPosition(found.map(StagingJob::getId).toList())
			.stream()
			.collect(Collectors.groupingBy(JobImage::getJobId));
		List<JobView> items = found.map((job) -> this.views.view(job, byJob.getOrDefault(job.getId(), List.of())))
			.toList();
		return Map.of("items", items, "page", found.getNumber(), "size", found.getSize(), "total",
				found.getTotalElements());
	}

	@GetMapping("/api/v1/staging/jobs/{id}")
	JobView get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
		return view(visible(jwt, id));
	}

	@DeleteMapping("/api/v1/staging/jobs/{id}")
	JobView cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
		this.service.cancel(visible(jwt, id));
		return view(this.jobs.findById(id).orElseThrow());
	}

	@GetMapping(path = "/api/v1/staging/jobs/{id}/events", produces = "text/event-stream")
	SseEmitter events(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
		visible(jwt, id);
		return this.events.subscribe(id, () -> view(visible(jwt, id)));
	}

	StagingJob awaitFinish(String jobId, Duration wait) {
		Instant until = Instant.now().plus((wait.compareTo(MAX_WAIT) > 0) ? MAX_WAIT : wait);
		StagingJob job = this.jobs.findById(jobId).orElseThrow();
		while (!job.getStatus().isFinished() && Instant.now().isBefore(until)) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			job = this.jobs.findById(jobId).orElseThrow();
		}
		return job;
	}

	JobView view(StagingJob job) {
		return this.views.view(job, this.images.findByJobIdOrderByPosition(job.getId()));
	}

	/**
	 * The job, if it is within the caller's reach; a job outside it is answered exactly
	 * like a job that does not exist. Reading, following and cancelling (and so every
	 * signed link in a view) go through here.
	 */
	private StagingJob visible(Jwt jwt, String id) {
		Caller caller = Caller.of(jwt);
		return this.jobs.findById(id)
			.filter((job) -> Access.mayActOn(caller.actor(), job.owner()))
			.orElseThrow(() -> new StagingProblem(HttpStatus.NOT_FOUND, "job-not-found", "No job " + id + "."));
	}

}
