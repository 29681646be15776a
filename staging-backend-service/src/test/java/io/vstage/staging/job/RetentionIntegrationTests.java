package io.vstage.staging.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.vstage.staging.IntegrationTestSupport;
import io.vstage.staging.files.ImageStore;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionIntegrationTests extends IntegrationTestSupport {

	@Autowired
	Retention retention;

	@Autowired
	StagingJobRepository jobs;

	@Autowired
	JobImageRepository images;

	@Autowired
	ImageStore store;

	@Test
	void finishedJobsPastTheRetentionPeriodLoseTheirRowsAndFiles() throws Exception {
		StagingJob old = job(Instant.now().minus(Duration.ofDays(31)), true);
		StagingJob recent = job(Instant.now().minus(Duration.ofDays(29)), true);
		StagingJob oldButOpen = job(Instant.now().minus(Duration.ofDays(31)), false);
		this.retention.purge();
		assertThat(this.jobs.findById(old.getId())).isEmpty();
		assertThat(this.images.findByJobIdOrderByPosition(old.getId())).isEmpty();
		assertThat(this.store.jobDir(old.getId())).doesNotExist();
		assertThat(this.jobs.findById(recent.getId())).isPresent();
		assertThat(this.store.jobDir(recent.getId()).resolve("image-0.png")).exists();
		assertThat(this.jobs.findById(oldButOpen.getId())).isPresent();
		this.jobs.deleteById(oldButOpen.getId());
	}

	private StagingJob job(Instant created, boolean finished) throws Exception {
		String id = UUID.randomUUID().toString();
		StagingJob job = new StagingJob(id, "retention-user", null,
				new JobSpec("bedroom", "modern", "joger", null, null, 1, 1L, null, null), 1, created);
		if (finished) {
			job.finish(JobStatus.COMPLETED, null, created.plusSeconds(10));
		}
		this.jobs.save(job);
		this.images.save(new JobImage(UUID.randomUUID().toString(), id, 0, 0, 1L));
		Path dir = Files.createDirectories(this.store.jobDir(id));
		Files.write(dir.resolve("image-0.png"), TestImages.png(8, 8));
		return job;
	}

}
