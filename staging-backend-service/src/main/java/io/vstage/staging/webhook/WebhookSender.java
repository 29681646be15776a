package io.vstage.staging.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
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
class WebhookSender implements DisposableBean {

	private static final Duration CLAIM = Duration.ofMinutes(1);

	private final WebhookRepository deliveries;

	private final WebhookUrlPolicy policy;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final byte[] secret;

	private final Duration backoff;

	private final CloseableHttpClient http;

	WebhookSender(WebhookRepository deliveries, WebhookUrlPolicy policy, TransactionTemplate transactions,
			StagingProperties properties, Clock clock) {
		this.deliveries = deliveries;
		this.policy = policy;
		this.transactions = transactions;
		this.clock = clock;
		this.secret = properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
		this.backoff = properties.webhookBackoff();
		this.http = client(policy);
	}

	/**
	 * The client connects only to addresses the policy has just verified: its DNS
	 * resolver resolves the host once, checks every address and hands exactly those to
	 * the connection, while the Host header, TLS SNI and certificate check keep the URL's
	 * name. A name that resolved to a public address when the job was accepted and to a
	 * private one now (DNS rebinding) is refused here, before any connection. The JDK's
	 * HttpClient cannot be given a resolver short of a JVM-wide one, hence this client.
	 * Redirects are not followed and no proxy is used.
	 */
	private static CloseableHttpClient client(WebhookUrlPolicy policy) {
		DnsResolver verifying = new DnsResolver() {

			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				return policy.verifiedAddresses(host);
			}

			@Override
			public String resolveCanonicalHostname(String host) {
				return host;
			}

		};
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(verifying)
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.ofSeconds(5))
					.setSocketTimeout(Timeout.ofSeconds(10))
					.build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(10)).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.build();
	}

	@Override
	public void destroy() throws IOException {
		this.http.close();
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

	private @Nullable String send(WebhookDelivery delivery) {
		try {
			// the URL rules again (the settings may have changed); a name's addresses are
			// checked by the client's resolver, on the ones it connects to, a literal
			// address here
			String host = this.policy.host(delivery.getUrl());
			if (AddressRange.isLiteral(host)) {
				this.policy.verifiedAddresses(host);
			}
			long timestamp = this.clock.instant().getEpochSecond();
			HttpPost request = new HttpPost(delivery.getUrl());
			request.setHeader("webhook-id", delivery.getId());
			request.setHeader("webhook-timestamp", Long.toString(timestamp));
			request.setHeader("webhook-signature", "v1," + sign(delivery.getId(), timestamp, delivery.getPayload()));
			request.setEntity(new StringEntity(delivery.getPayload(), ContentType.APPLICATION_JSON));
			int status = this.http.execute(request, (response) -> response.getCode());
			return (status >= 200 && status < 300) ? null : "answered " + status;
		}
		catch (StagingProblem ex) {
			return ex.getBody().getDetail();
		}
		catch (WebhookUrlPolicy.RefusedHostException ex) {
			return ex.getMessage();
		}
		catch (IOException | IllegalArgumentException ex) {
			return ex.toString();
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
