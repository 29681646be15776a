package io.vstage.staging.job;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import org.springframework.core.style.ToStringCreator;

/**
 * One variation of one input photo; the unit that is sent to an engine as one prompt.
 */
@Entity
@Table(name = "job_image")
class JobImage {

	@Id
	private String id;

	private String jobId;

	private int position;

	private int inputIndex;

	private long seed;

	@Enumerated(EnumType.STRING)
	private ImageStatus status;

	private @Nullable String engineUrl;

	private @Nullable String promptId;

	private int attempts;

	private @Nullable String error;

	private @Nullable Instant submittedAt;

	private @Nullable Instant finishedAt;

	protected JobImage() {
	}

	JobImage(String id, String jobId, int position, int inputIndex, long seed) {
		this.id = id;
		this.jobId = jobId;
		this.position = position;
		this.inputIndex = inputIndex;
		this.seed = seed;
		this.status = ImageStatus.PENDING;
	}

	/**
	 * Records the prompt id and engine before the prompt is sent, so a restart can find
	 * it.
	 */
	void assign(String engineUrl, String promptId, Instant at) {
		this.engineUrl = engineUrl;
		this.promptId = promptId;
		this.status = ImageStatus.SUBMITTED;
		this.submittedAt = at;
		this.attempts++;
	}

	void running() {
		if (this.status == ImageStatus.SUBMITTED) {
			this.status = ImageStatus.RUNNING;
		}
	}

	/** Puts the image back into our queue, after its engine lost the prompt. */
	void requeue() {
		this.status = ImageStatus.PENDING;
		this.engineUrl = null;
		this.promptId = null;
	}

	void finish(ImageStatus outcome, @Nullable String error, Instant at) {
		this.status = outcome;
		this.error = error;
		this.finishedAt = at;
	}

	String getId() {
		return this.id;
	}

	String getJobId() {
		return this.jobId;
	}

	int getPosition() {
		return this.position;
	}

	int getInputIndex() {
		return this.inputIndex;
	}

	long getSeed() {
		return this.seed;
	}

	ImageStatus getStatus() {
		return this.status;
	}

	@Nullable String getEngineUrl() {
		return this.engineUrl;
	}

	@Nullable String getPromptId() {
		return this.promptId;
	}

	int getAttempts() {
		return this.attempts;
	}

	@Nullable Instant getSubmittedAt() {
		return this.submittedAt;
	}

	@Nullable Instant getFinishedAt() {
		return this.finishedAt;
	}

	@Nullable String getError() {
		return this.error;
	}

	@Override
	public String toString() {
		return new ToStringCreator(this).append("id", this.id).append("status", this.status).toString();
	}

}
