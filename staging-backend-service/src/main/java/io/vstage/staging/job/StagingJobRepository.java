package io.vstage.staging.job;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StagingJobRepository extends JpaRepository<StagingJob, String> {

	Page<StagingJob> findByOwnerIdOrderByCreatedAtDesc(String ownerId, Pageable pageable);

	Page<StagingJob> findAllByOrderByCreatedAtDesc(Pageable pageable);

	long countByStatusIn(Collection<JobStatus> statuses);

	List<StagingJob> findByStatusInOrderByCreatedAtAsc(Collection<JobStatus> statuses);

	List<StagingJob> findByCreatedAtBefore(Instant cutoff);

	@Query("select count(j) from StagingJob j where j.status = io.vstage.staging.job.JobStatus.QUEUED and j.createdAt < ?1")
	long countQueuedBefore(Instant createdAt);

}
