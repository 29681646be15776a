package io.vstage.staging.quota;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import org.springframework.core.style.ToStringCreator;

/**
 * A refund owed to the key manager, kept until it is acknowledged.
 */
@Entity
@Table(name = "refund_outbox")
class Refund {

	@Id
	private String reservationId;

	private String jobId;

	private int units;

	private int attempts;

	private Instant nextAttemptAt;

	private @Nullable Instant acknowledgedAt;

	private @Nullable String lastError;

	private Instant createdAt;

	protected Refund() {
	}

	Refund(String reservationId, String jobId, int units, Instant now) {
		this.reservationId = reservationId;
		this.jobId = jobId;
		this.units = units;
		this.nextAttemptAt = now;
		this.createdAt = now;
	}

	void acknowledged(Instant at, @Nullable String note) {
		this.acknowledgedAt = at;
		this.lastError = note;
		this.attempts++;
	}

	void failed(String error, Instant now) {
		this.attempts++;
		this.lastError = error;
		long seconds = Math.min(300, 1L << Math.min(this.attempts, 8));
		this.nextAttemptAt = now.plus(Duration.ofSeconds(seconds));
	}

	String getReservationId() {
		return this.reservationId;
	}

	int getUnits() {
		return this.units;
	}

	int getAttempts() {
		return this.attempts;
	}

	@Nullable Instant getAcknowledgedAt() {
		return this.acknowledgedAt;
	}

	@Override
	public String toString() {
		return new ToStringCreator(this).append("reservationId", this.reservationId)
			.append("units", this.units)
			.toString();
	}

}
