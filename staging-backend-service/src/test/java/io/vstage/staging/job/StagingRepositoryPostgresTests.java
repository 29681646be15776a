package io.vstage.staging.job;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flyway migrations and repositories on a real PostgreSQL, in a schema of its own.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class StagingRepositoryPostgresTests {

	private static final String URL = System.getenv("TEST_POSTGRES_URL");

	private static final String SCHEMA = "staging_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	@Autowired
	StagingJobRepository jobs;

	@Autowired
	JobImageRepository images;

	// before the context loads: an abort while it loads would count as an error
	@BeforeAll
	static void requirePostgres() {
		if (URL == null) {
			RequiredOnCi.missing("TEST_POSTGRES_URL is not set");
		}
	}

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) throws SQLException {
		execute("CREATE SCHEMA " + SCHEMA);
		String separator = URL.contains("?") ? "&" : "?";
		registry.add("spring.datasource.url", () -> URL + separator + "currentSchema=" + SCHEMA);
		registry.add("spring.flyway.schemas", () -> SCHEMA);
	}

	@AfterAll
	static void dropSchema() throws SQLException {
		if (URL != null) {
			execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		}
	}

	@Test
	void jobsAndImagesRoundTripWithTheirTimes() {
		Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		StagingJob job = this.jobs
			.save(new StagingJob(UUID.randomUUID().toString(), "owner-1", "rsv-1", spec(), 1, created));
		this.images.save(new JobImage(UUID.randomUUID().toString(), job.getId(), 0, 0, 42L));
		this.jobs.flush();
		StagingJob read = this.jobs.findById(job.getId()).orElseThrow();
		assertThat(read.getCreatedAt()).isEqualTo(created);
		assertThat(read.spec()).isEqualTo(spec());
		assertThat(this.images.findByJobIdOrderByPosition(job.getId())).singleElement()
			.satisfies((image) -> assertThat(image.getSeed()).isEqualTo(42L));
	}

	@Test
	void ownJobsAreListedNewestFirstAndQueuePositionsCount() {
		Instant base = Instant.now();
		for (int i = 0; i < 3; i++) {
			this.jobs
				.save(new StagingJob(UUID.randomUUID().toString(), "owner-2", null, spec(), 1, base.plusSeconds(i)));
		}
		List<StagingJob> page = this.jobs.findByOwnerIdOrderByCreatedAtDesc("owner-2", PageRequest.of(0, 2))
			.getContent();
		assertThat(page).hasSize(2);
		assertThat(page.get(0).getCreatedAt()).isAfter(page.get(1).getCreatedAt());
		assertThat(this.jobs.countQueuedBefore(base.plusSeconds(2))).isGreaterThanOrEqualTo(2);
	}

	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void ofTwoBackendsClaimingTheSameExpiredLeaseExactlyOneWins() throws Exception {
		for (int round = 0; round < 10; round++) {
			long now = System.currentTimeMillis();
			String id = UUID.randomUUID().toString();
			this.jobs.save(new StagingJob(id, "owner-3", null, spec(), 1, Instant.now()).leasedTo("dead-backend",
					Instant.ofEpochMilli(now - 1000)));
			CyclicBarrier start = new CyclicBarrier(2);
			try (ExecutorService claimers = Executors.newFixedThreadPool(2)) {
				List<Future<Integer>> claims = List.of("backend-a", "backend-b")
					.stream()
					.map((claimer) -> claimers.submit(() -> {
						start.await();
						return this.jobs.claim(id, "dead-backend", claimer, now + 15_000, now, Leases.OPEN);
					}))
					.toList();
				int won = 0;
				for (Future<Integer> claim : claims) {
					won += claim.get();
				}
				assertThat(won).isEqualTo(1);
			}
			assertThat(this.jobs.findById(id).orElseThrow().getLeaseOwner()).isIn("backend-a", "backend-b");
		}
	}

	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void liveLeaseCannotBeClaimedAndHeartbeatRenewsOnlyOwnUnfinishedJobs() {
		long now = System.currentTimeMillis();
		String live = UUID.randomUUID().toString();
		this.jobs.save(new StagingJob(live, "owner-4", null, spec(), 1, Instant.now()).leasedTo("backend-live",
				Instant.ofEpochMilli(now + 60_000)));
		String other = UUID.randomUUID().toString();
		this.jobs.save(new StagingJob(other, "owner-4", null, spec(), 1, Instant.now()).leasedTo("backend-other",
				Instant.ofEpochMilli(now - 1000)));
		assertThat(this.jobs.claim(live, "backend-live", "backend-x", now + 15_000, now, Leases.OPEN)).isZero();
		assertThat(this.jobs.findExpiredLeases(Leases.OPEN, now)).extracting((row) -> row[0])
			.contains(other)
			.doesNotContain(live);
		assertThat(this.jobs.renewLeases("backend-live", now + 90_000, Leases.OPEN)).isEqualTo(1);
		assertThat(this.jobs.findById(live).orElseThrow().getLeaseUntil())
			.isEqualTo(Instant.ofEpochMilli(now + 90_000));
		assertThat(this.jobs.findById(other).orElseThrow().getLeaseUntil()).isEqualTo(Instant.ofEpochMilli(now - 1000));
	}

	private static JobSpec spec() {
		return new JobSpec("living_room", "modern", "joger", "cosy", null, 2, 7L, null, null);
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
