package io.vstage.staging.job;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import org.springframework.core.style.ToStringCreator;

import io.vstage.contracts.access.KeyOwner;
import io.vstage.contracts.access.Role;

/**
 * A generation request: one or more photos, each turned into {@code numImages}
 * variations.
 */
@Entity
@Table(name = "staging_job")
class StagingJob {

	@Id
	private String id;

	@Column(name = "owner_id")
	private String ownerId;

	// the owner key's role claim and issuer, null on jobs from before they were kept
	@Column(name = "owner_role")
	private @Nullable String ownerRole;

	@Column(name = "owner_issued_by")
	private @Nullable String ownerIssuedBy;

	private @Nullable String reservationId;

	private String roomType;

	private String style;

	private String workflow;

	private @Nullable String prompt;

	private @Nullable String negativePrompt;

	private int numImages;

	private int inputCount;

	private long seed;

	private @Nullable String label;

	private @Nullable String webhookUrl;

	@Enumerated(EnumType.STRING)
	private JobStatus status;

	private @Nullable String error;

	private Instant createdAt;

	private @Nullable Instant startedAt;

	private @Nullable Instant finishedAt;

	// written on insert and by the lease queries only, so that saving a job loaded before
	// a takeover never puts the old owner back
	@Column(name = "lease_owner", updatable = false)
	private String leaseOwner = "";

	@Column(name = "lease_until", updatable = false)
	private Instant leaseUntil = Instant.EPOCH;

	protected StagingJob() {
	}

	StagingJob(String id, String ownerId, @Nullable String reservationId, JobSpec spec, int inputCount,
			Instant createdAt) {
		this.id = id;
		this.ownerId = ownerId;
		this.reservationId = reservationId;
		this.roomType = spec.roomType();
		this.style = spec.style();
		this.workflow = spec.workflow();
		this.prompt = spec.prompt();
		this.negativePrompt = spec.negativePrompt();
		this.numImages = spec.numImages();
		this.seed = spec.seed();
		this.label = spec.label();
		this.webhookUrl = spec.webhookUrl();
		this.inputCount = inputCount;
		this.status = JobStatus.QUEUED;
		this.createdAt = createdAt;
	}

	/**
	 * Records whose job this is, as the access rules read it: the owner's role and the
	 * key that issued it.
	 */
	StagingJob ownedBy(KeyOwner owner) {
		if (!owner.keyId().equals(this.ownerId)) {
			throw new IllegalArgumentException("Job " + this.id + " belongs to another key");
		}
		this.ownerRole = owner.role().claim();
		this.ownerIssuedBy = owner.issuedBy();
		return this;
	}

	/**
	 * The key the job belongs to. A job from before roles were kept reads as a user's
	 * with no known issuer, which only its owner and the super admin reach.
	 */
	KeyOwner owner() {
		Role role = (this.ownerRole != null) ? Role.fromClaim(this.ownerRole).orElse(Role.USER) : Role.USER;
		return new KeyOwner(this.ownerId, role, (this.ownerRole != null) ? this.ownerIssuedBy : null);
	}

	/** Sets the lease of a job not saved yet. */
	StagingJob leasedTo(String owner, Instant until) {
		this.leaseOwner = owner;
		this.leaseUntil = until;
		return this;
	}

	void start(Instant at) {
		if (this.status == JobStatus.QUEUED) {
			this.status = JobStatus.RUNNING;
			this.startedAt = at;
		}
	}

	void finish(JobStatus outcome, @Nullable String error, Instant at) {
		this.status = outcome;
		this.error = error;
		this.finishedAt = at;
	}

	JobSpec spec() {
		return new JobSpec(this.roomType, this.style, this.workflow, this.prompt, this.negativePrompt, this.numImages,
				this.seed, this.label, this.webhookUrl);
	}

	String getId() {
		return this.id;
	}

	String getOwnerId() {
		return this.ownerId;
	}

	@Nullable String getReservationId() {
		return this.reservationId;
	}

	int getInputCount() {
		return this.inputCount;
	}

	JobStatus getStatus() {
		return this.status;
	}

	@Nullable String getError() {
		return this.error;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	@Nullable Instant getStartedAt() {
		return this.startedAt;
	}

	@Nullable Instant getFinishedAt() {
		return this.finishedAt;
	}

	String getLeaseOwner() {
		return this.leaseOwner;
	}

	Instant getLeaseUntil() {
		return this.leaseUntil;
	}

	@Override
	public String toString() {
		return new ToStringCreator(this).append("id", this.id).append("status", this.status).toString();
	}

}
