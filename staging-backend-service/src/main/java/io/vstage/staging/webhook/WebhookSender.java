package io.vstage.staging.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.vstage.staging.StagingProblem;
import io.vstage.staging.StagingProperties;

/**
 * Posts due webhook messages, signed the Standard Webhooks way: {@code webhook-id},
 * {@code webhook-timestamp} and {@code webhook-signature: v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">}.
 */
@Component
class WebhookSender {

	private static final Duration CLAIM = Duration.ofMinutes(1);

	private final WebhookRepository deliveries;

	private final WebhookUrlPolicy policy;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final byte[] secret;

	private final Duration backoff;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	WebhookSender(WebhookRepository deliveries, WebhookUrlPolicy policy, TransactionTemplate transactions,
			StagingProperties properties, Clock clock) {
		this.deliveries = deliveries;
		this.policy = policy;
		this.transactions = transactions;
		this.clock = clock;
		this.secret = properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
		this.backoff = properties.webhookBackoff();
	}

	@Scheduled(fixedDelay = 500)
	synchronized void deliverDue() {
		for (WebhookDelivery delivery : this.deliveries.findByNextAttemptAtLessThanEqual(this.clock.instant())) {
			// several backends share the outbox: only the one that takes a delivery sends
			// it; if that one dies mid-attempt, the delivery is due again after CLAIM
			long seen = java.util.Objects.requireNonNull(delivery.getNextAttemptAt()).toEpochMilli();
			if (this.deliveries.claim(delivery.getId(), seen, this.clock.instant().plus(CLAIM).toEpochMilli()) != 1) {
				continue;
			}
			String error = send(delivery);
			if (error == null) {
				delivery.delivered(this.clock.instant());
			}
			else {
				delivery.failed(error, this.clock.instant(), this.backoff);
			}
			this.transactions.executeWithoutResult((status) -> this.deliveries.save(delivery));
		}
	}

	private String send(WebhookDelivery delivery) {
		try {
			// checked again at send time: DNS may have changed since the job was accepted
			this.policy.check(delivery.getUrl());
			long timestamp = this.clock.instant().getEpochSecond();
			HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.getUrl()))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json")
				.header("webhook-id", delivery.getId())
				.header("webhook-timestamp", Long.toString(timestamp))
				.header("webhook-signature", "v1," + sign(delivery.getId(), timestamp, delivery.getPayload()))
				.POST(HttpRequest.BodyPublishers.ofString(delivery.getPayload()))
				.build();
			int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			return (status >= 200 && status < 300) ? null : "answered " + status;
		}
		catch (StagingProblem ex) {
			return ex.getBody().getDetail();
		}
		catch (java.io.IOException ex) {
			return ex.toString();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	String sign(String id, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
