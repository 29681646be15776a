package io.vstage.staging.webhook;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import org.springframework.core.style.ToStringCreator;

/**
 * One webhook message and its delivery attempts (at most {@link #MAX_ATTEMPTS}).
 */
@Entity
@Table(name = "webhook_delivery")
class WebhookDelivery {

	static final int MAX_ATTEMPTS = 3;

	@Id
	private String id;

	private String jobId;

	private String eventType;

	private String url;

	private String payload;

	private int attempts;

	private @Nullable Instant nextAttemptAt;

	private @Nullable Instant deliveredAt;

	private @Nullable String lastError;

	private Instant createdAt;

	protected WebhookDelivery() {
	}

	WebhookDelivery(String id, String jobId, String eventType, String url, String payload, Instant now) {
		this.id = id;
		this.jobId = jobId;
		this.eventType = eventType;
		this.url = url;
		this.payload = payload;
		this.nextAttemptAt = now;
		this.createdAt = now;
	}

	void delivered(Instant at) {
		this.attempts++;
		this.deliveredAt = at;
		this.nextAttemptAt = null;
	}

	void failed(String error, Instant now, Duration backoff) {
		this.attempts++;
		this.lastError = error;
		// after the last try nothing is due any more
		this.nextAttemptAt = (this.attempts < MAX_ATTEMPTS) ? now.plus(backoff.multipliedBy(1L << (this.attempts - 1)))
				: null;
	}

	@Nullable Instant getNextAttemptAt() {
		return this.nextAttemptAt;
	}

	String getId() {
		return this.id;
	}

	String getUrl() {
		return this.url;
	}

	String getPayload() {
		return this.payload;
	}

	@Override
	public String toString() {
		return new ToStringCreator(this).append("id", this.id).append("eventType", this.eventType).toString();
	}

}
