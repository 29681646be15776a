package io.vstage.staging.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vstage.staging.IntegrationTestSupport;
import io.vstage.staging.StagingApi.Reply;
import io.vstage.staging.TestTokens;
import io.vstage.staging.WebhookReceiver;
import io.vstage.staging.job.TestImages;

import static io.vstage.staging.StagingApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A webhook host name is checked on the addresses the delivery connects to: one that
 * resolved to a public address when the job was accepted and to a private one when the
 * webhook is sent is never contacted. (The allow-listed loopback receiver of the other
 * integration tests, 127.0.0.1/32, still gets its signed deliveries.)
 */
class WebhookRebindingIntegrationTests extends IntegrationTestSupport {

	private static final String REBOUND_HOST = "rebound.example";

	/** What {@link #REBOUND_HOST} resolves to now. */
	private static final AtomicReference<String> REBOUND_ADDRESS = new AtomicReference<>("93.184.215.14");

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void aNameReboundToAPrivateAddressAfterSubmissionIsNotContacted() {
		// 127.0.0.2 is loopback like the allow-listed 127.0.0.1, but not allowed
		try (WebhookReceiver receiver = new WebhookReceiver(0, "127.0.0.2")) {
			Reply reply = api().submit(TestTokens.user("rebinding-user"),
					fields("room_type", "bedroom", "style", "modern", "webhook_url", receiver.url(REBOUND_HOST)),
					TestImages.jpeg(64, 48));
			assertThat(reply.status()).as(reply.body().toString()).isEqualTo(202);
			REBOUND_ADDRESS.set("127.0.0.2");
			String jobId = reply.body().path("id").asString();
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				List<Map<String, Object>> deliveries = this.jdbc
					.queryForList("select attempts, last_error from webhook_delivery where job_id = ?", jobId);
				assertThat(deliveries).hasSize(1);
				Map<String, Object> delivery = deliveries.get(0);
				assertThat(((Number) delivery.get("attempts")).intValue()).isEqualTo(WebhookDelivery.MAX_ATTEMPTS);
				assertThat((String) delivery.get("last_error")).contains("127.0.0.2", "not public");
			});
			assertThat(receiver.deliveries()).isEmpty();
		}
		finally {
			REBOUND_ADDRESS.set("93.184.215.14");
		}
	}

	@Test
	void aPrivateAddressIsRefusedAtSubmission() {
		try (WebhookReceiver receiver = new WebhookReceiver(0, "127.0.0.2")) {
			Reply reply = api().submit(TestTokens.user("rebinding-user"),
					fields("room_type", "bedroom", "style", "modern", "webhook_url", receiver.url()),
					TestImages.jpeg(64, 48));
			assertThat(reply.status()).isEqualTo(422);
			assertThat(reply.problemType()).isEqualTo("https://vstage.io/problems/unsafe-webhook-url");
			assertThat(reply.body().path("field").asString()).isEqualTo("webhook_url");
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ReboundDns {

		@Bean
		HostResolver reboundDns() {
			return (host) -> REBOUND_HOST.equals(host) ? new InetAddress[] { literal(REBOUND_ADDRESS.get()) }
					: InetAddress.getAllByName(host);
		}

		private static InetAddress literal(String address) throws UnknownHostException {
			return InetAddress.getByName(address);
		}

	}

}
