package io.vstage.staging.webhook;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * Records webhook messages in the caller's transaction; {@link WebhookSender} delivers
 * them.
 */
@Service
public class WebhookOutbox {

	private final WebhookRepository deliveries;

	private final Clock clock;

	WebhookOutbox(WebhookRepository deliveries, Clock clock) {
		this.deliveries = deliveries;
		this.clock = clock;
	}

	/** Queues {@code payload} (a JSON document) for {@code url}. */
	public void record(String jobId, String eventType, String url, String payload) {
		this.deliveries.save(new WebhookDelivery("msg_" + UUID.randomUUID().toString().replace("-", ""), jobId,
				eventType, url, payload, this.clock.instant()));
	}

}
