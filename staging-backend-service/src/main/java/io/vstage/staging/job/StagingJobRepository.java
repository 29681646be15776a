package io.vstage.staging.job;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

import io.vstage.contracts.access.Reach;

interface StagingJobRepository extends JpaRepository<StagingJob, String> {

	Page<StagingJob> findByOwnerIdOrderByCreatedAtDesc(String ownerId, Pageable pageable);

	Page<StagingJob> findAllByOrderByCreatedAtDesc(Pageable pageable);

	/** An admin's jobs and those of the user keys it issued, newest first. */
	@Query(value = "select j from StagingJob j where j.ownerId = :adminId"
			+ " or (j.ownerRole = 'user' and j.ownerIssuedBy = :adminId) order by j.createdAt desc",
			countQuery = "select count(j) from StagingJob j where j.ownerId = :adminId"
					+ " or (j.ownerRole = 'user' and j.ownerIssuedBy = :adminId)")
	Page<StagingJob> findOwnAndIssuedOrderByCreatedAtDesc(String adminId, Pageable pageable);

	/**
	 * The jobs within a reach, newest first: the query follows the reach's shape, so it
	 * selects exactly the jobs {@link Reach#includes} admits.
	 */
	default Page<StagingJob> findWithin(Reach reach, Pageable pageable) {
		return switch (reach) {
			case Reach.Everything everything -> findAllByOrderByCreatedAtDesc(pageable);
			case Reach.OwnAndIssued admin -> findOwnAndIssuedOrderByCreatedAtDesc(admin.keyId(), pageable);
			case Reach.Own own -> findByOwnerIdOrderByCreatedAtDesc(own.keyId(), pageable);
			case Reach.Nothing nothing -> Page.empty(pageable);
		};
	}

	long countByStatusIn(Collection<JobStatus> statuses);

	List<StagingJob> findByCreatedAtBefore(Instant cutoff);

	/**
	 * Reads a job and locks its row until the transaction ends, so that a takeover waits
	 * for (or precedes) a state change of its owner.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select j from StagingJob j where j.id = ?1")
	Optional<StagingJob> lockById(String id);

	/**
	 * Renews (or, with a past time, releases) every open lease of one backend at once.
	 */
	@Transactional
	@Modifying
	@Query(value = "update staging_job set lease_until = :until where lease_owner = :owner and status in :open",
			nativeQuery = true)
	int renewLeases(String owner, long until, Collection<String> open);

	/** Gives up every open lease of one backend: anyone, itself included, may claim. */
	@Transactional
	@Modifying
	@Query(value = "update staging_job set lease_owner = '', lease_until = 0 where lease_owner = :owner"
			+ " and status in :open", nativeQuery = true)
	int releaseLeases(String owner, Collection<String> open);

	/** Unfinished jobs whose lease has expired. */
	@Query(value = "select id, lease_owner from staging_job where status in :open and lease_until < :now"
			+ " order by created_at", nativeQuery = true)
	List<Object[]> findExpiredLeases(Collection<String> open, long now);

	/**
	 * Takes an expired lease over, unless someone renewed or took it since it was read;
	 * answers 1 when this caller won.
	 */
	@Transactional
	@Modifying
	@Query(value = "update staging_job set lease_owner = :claimer, lease_until = :until where id = :id"
			+ " and lease_owner = :seenOwner and lease_until < :now and status in :open", nativeQuery = true)
	int claim(String id, String seenOwner, String claimer, long until, long now, Collection<String> open);

	@Query("select count(j) from StagingJob j where j.status = io.vstage.staging.job.JobStatus.QUEUED and j.createdAt < ?1")
	long countQueuedBefore(Instant createdAt);

}
