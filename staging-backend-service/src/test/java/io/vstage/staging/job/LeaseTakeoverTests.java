package io.vstage.staging.job;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vstage.simulator.ComfyUiSimulator;
import io.vstage.simulator.PromptTiming;
import io.vstage.staging.JobPolling;
import io.vstage.staging.StagingApi;
import io.vstage.staging.StagingBackendApplication;
import io.vstage.staging.TestEngines;
import io.vstage.staging.TestTokens;
import io.vstage.staging.catalog.WorkflowCatalog;
import io.vstage.staging.engine.EngineInstance;
import io.vstage.staging.engine.EnginePool;
import io.vstage.staging.files.ImageStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Jobs shared by several backends through leases, run against the database of the
 * concrete class: a dead backend's job is finished by this one exactly once, a live lease
 * is left alone, an owner whose job was taken cannot send another prompt, and a cancel
 * written by another backend stops the owner's prompts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LeaseTakeoverTests {

	private static final String DEAD = "dead-backend";

	private final ComfyUiSimulator simulator = TestEngines.simulator();

	private ConfigurableApplicationContext context;

	StagingJobRepository jobs;

	JobImageRepository images;

	JobLedger ledger;

	LeaseOwner owner;

	EnginePool pool;

	WorkflowCatalog catalog;

	ImageStore store;

	JdbcTemplate jdbc;

	/** The JDBC URL of the database the backend under test uses. */
	abstract String databaseUrl(Path data) throws Exception;

	@BeforeAll
	void startBackend() throws Exception {
		Path data = Files.createTempDirectory("staging-lease");
		this.context = new SpringApplicationBuilder(StagingBackendApplication.class).run("--server.port=0",
				"--vstage.staging.internal-jwt-secret=" + TestTokens.SECRET,
				"--vstage.staging.signed-url-secret=test-signed-url-secret-0123456789abcdef",
				"--vstage.staging.webhook-secret=test-webhook-secret",
				"--vstage.staging.storage-dir=" + data.resolve("images"),
				"--spring.datasource.url=" + databaseUrl(data), "--vstage.engine.urls=" + TestEngines.urls(),
				"--vstage.staging.key-manager-url=" + TestEngines.keyManagerUrl(),
				"--vstage.engine.silence-timeout=1500ms", "--vstage.engine.health-interval=500ms");
		this.jobs = this.context.getBean(StagingJobRepository.class);
		this.images = this.context.getBean(JobImageRepository.class);
		this.ledger = this.context.getBean(JobLedger.class);
		this.owner = this.context.getBean(LeaseOwner.class);
		this.pool = this.context.getBean(EnginePool.class);
		this.catalog = this.context.getBean(WorkflowCatalog.class);
		this.store = this.context.getBean(ImageStore.class);
		this.jdbc = this.context.getBean(JdbcTemplate.class);
	}

	@AfterAll
	void stopBackend() {
		if (this.context != null) {
			this.context.close();
			this.context = null;
		}
	}

	@AfterEach
	void resetSimulator() {
		TestEngines.reset(this.simulator);
	}

	@Test
	void jobOfADeadBackendIsTakenOverAndCompletedExactlyOnce() throws Exception {
		Instant testStart = Instant.now();
		this.simulator.promptDuration(Duration.ofMillis(2500));
		String jobId = insertJob(DEAD, Instant.now().plus(Duration.ofHours(1)), JobStatus.RUNNING);
		JobImage onEngine = new JobImage(UUID.randomUUID().toString(), jobId, 0, 0, 11L);
		JobImage pending = new JobImage(UUID.randomUUID().toString(), jobId, 1, 0, 12L);
		String deadPrompt = UUID.randomUUID().toString();
		EngineInstance instance = this.pool.instances().get(0);
		// what the dead backend did: record the prompt, then queue it with its own client
		// id
		onEngine.assign(instance.url().toString(), deadPrompt, Instant.now());
		this.images.saveAll(List.of(onEngine, pending));
		instance.client().queuePrompt(deadPrompt, "dead-backend-client", graph(jobId, instance, 11L));
		expireLease(jobId);

		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.jobs.findById(jobId).orElseThrow().getStatus().isFinished());

		StagingJob job = this.jobs.findById(jobId).orElseThrow();
		assertThat(job.getStatus()).as(String.valueOf(job.getError())).isEqualTo(JobStatus.COMPLETED);
		assertThat(job.getLeaseOwner()).isEqualTo(this.owner.id());
		List<JobImage> finished = this.images.findByJobIdOrderByPosition(jobId);
		assertThat(finished).extracting(JobImage::getStatus).containsOnly(ImageStatus.DONE);
		// the dead backend's prompt was followed, not sent again
		assertThat(finished.get(0).getPromptId()).isEqualTo(deadPrompt);
		assertThat(finished).extracting(JobImage::getAttempts).containsExactly(1, 1);
		Set<String> prompts = finished.stream().map(JobImage::getPromptId).collect(Collectors.toSet());
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			List<PromptTiming> ran = this.simulator.timings()
				.stream()
				.filter((timing) -> timing.queuedAt().isAfter(testStart))
				.toList();
			assertThat(ran).extracting(PromptTiming::promptId).containsExactlyInAnyOrderElementsOf(prompts);
		});
	}

	@Test
	void jobWithALiveLeaseIsNotTakenOver() {
		String jobId = insertJob("live-backend", Instant.now().plus(Duration.ofMinutes(10)), JobStatus.QUEUED);
		String imageId = this.images.save(new JobImage(UUID.randomUUID().toString(), jobId, 0, 0, 5L)).getId();
		try {
			// longer than a takeover round (5 s by default)
			await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(12)).until(() -> {
				StagingJob job = this.jobs.findById(jobId).orElseThrow();
				return job.getLeaseOwner().equals("live-backend")
						&& this.images.findById(imageId).orElseThrow().getStatus() == ImageStatus.PENDING;
			});
		}
		finally {
			this.ledger.cancel(jobId);
		}
	}

	@Test
	void ownerWhoseJobWasTakenOverCannotSendAnImage() {
		String jobId = insertJob(this.owner.id(), Instant.now().plus(Duration.ofMinutes(10)), JobStatus.QUEUED);
		String imageId = this.images.save(new JobImage(UUID.randomUUID().toString(), jobId, 0, 0, 5L)).getId();
		try {
			// another backend claimed it while this one was paused
			this.jdbc.update("update staging_job set lease_owner = ? where id = ?", "new-owner", jobId);
			boolean assigned = this.ledger.assign(imageId, this.pool.instances().get(0).url().toString(),
					UUID.randomUUID().toString());
			assertThat(assigned).isFalse();
			JobImage image = this.images.findById(imageId).orElseThrow();
			assertThat(image.getStatus()).isEqualTo(ImageStatus.PENDING);
			assertThat(image.getPromptId()).isNull();
		}
		finally {
			this.ledger.cancel(jobId);
		}
	}

	@Test
	void jobCancelledThroughAnotherBackendIsStoppedOnTheEngineByItsOwner() throws Exception {
		this.simulator.promptDuration(Duration.ofSeconds(30));
		StagingApi api = new StagingApi(((WebServerApplicationContext) this.context).getWebServer().getPort());
		String user = TestTokens.user("lease-cancel-user");
		String id = api
			.submit(user, StagingApi.fields("room_type", "bedroom", "style", "modern", "num_images", 2),
					TestImages.jpeg(320, 240))
			.body()
			.path("id")
			.asString();
		JobPolling.awaitJob(api, user, id, (job) -> JobPolling.anyImage(job, "running"));
		// what a cancel through another backend writes; that backend never reached our
		// prompts
		long now = Instant.now().toEpochMilli();
		this.jdbc.update("update job_image set status = 'CANCELLED', finished_at = ? where job_id = ?", now, id);
		this.jdbc.update("update staging_job set status = 'CANCELLED', finished_at = ? where id = ?", now, id);
		// the owner notices on its next heartbeat (every 5 s)
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode queue = engineQueue();
			assertThat(queue.path("queue_running")).isEmpty();
			assertThat(queue.path("queue_pending")).isEmpty();
		});
	}

	private JsonNode engineQueue() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.simulator.baseUrl() + "/queue")).build(),
					HttpResponse.BodyHandlers.ofString());
		return JsonMapper.builder().build().readTree(response.body());
	}

	private String insertJob(String leaseOwner, Instant leaseUntil, JobStatus status) {
		String jobId = UUID.randomUUID().toString();
		StagingJob job = new StagingJob(jobId, "lease-user", null,
				new JobSpec("bedroom", "modern", "joger", null, null, 2, 11L, null, null), 1, Instant.now())
			.leasedTo(leaseOwner, leaseUntil);
		if (status == JobStatus.RUNNING) {
			job.start(Instant.now());
		}
		this.jobs.save(job);
		return jobId;
	}

	private void expireLease(String jobId) {
		this.jdbc.update("update staging_job set lease_until = ? where id = ?",
				Instant.now().minusSeconds(1).toEpochMilli(), jobId);
	}

	/** The prompt the dead backend queued, built the way ImageRun builds it. */
	private ObjectNode graph(String jobId, EngineInstance instance, long seed) throws Exception {
		Path upload = Files.createTempFile("lease-input", ".jpg");
		Files.write(upload, TestImages.jpeg(320, 240));
		Path input = this.store.keepInput(jobId, 0, "jpg", upload);
		String uploaded = instance.client().uploadImage(jobId + "-" + input.getFileName(), input);
		WorkflowCatalog.Prompts prompts = this.catalog.prompts("bedroom", "modern", null, null);
		return this.catalog.workflow("joger")
			.orElseThrow()
			.bind(Map.of("image", uploaded, "prompt", prompts.positive(), "negative_prompt", prompts.negative(), "seed",
					seed));
	}

}
