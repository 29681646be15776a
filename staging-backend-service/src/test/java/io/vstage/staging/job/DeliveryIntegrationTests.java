package io.vstage.staging.job;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.vstage.staging.IntegrationTestSupport;
import io.vstage.staging.JobPolling;
import io.vstage.staging.KeyManagerStub;
import io.vstage.staging.TestEngines;
import io.vstage.staging.TestTokens;
import io.vstage.staging.WebhookReceiver;
import io.vstage.staging.WebhookReceiver.Delivery;

import static io.vstage.staging.StagingApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What leaves the backend after a job: refunds, webhooks, signed links and live events.
 */
class DeliveryIntegrationTests extends IntegrationTestSupport {

	private static final String USER = TestTokens.user("delivery-user");

	@AfterEach
	void resetSimulator() {
		TestEngines.reset(TestEngines.simulator());
	}

	@Test
	void undeliveredUnitsAreRefundedExactlyOnceDespiteAFailedFirstCall() {
		KeyManagerStub keyManager = TestEngines.keyManager();
		keyManager.failNext(1);
		String reservation = UUID.randomUUID().toString();
		String token = TestTokens.userWithReservation("refund-user", reservation);
		TestEngines.simulator().faults().failNode("41");
		var reply = api().submit(token, fields("room_type", "bedroom", "style", "modern", "num_images", 3),
				TestImages.jpeg(320, 240));
		JobPolling.awaitFinished(api(), token, reply.body().path("id").asString());
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(keyManager.refunded()).contains(reservation));
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
			List<KeyManagerStub.Call> calls = keyManager.callsFor(reservation);
			assertThat(calls).extracting(KeyManagerStub.Call::answeredStatus).containsExactly(503, 200);
		});
		KeyManagerStub.Call call = keyManager.callsFor(reservation).get(1);
		assertThat(JsonMapper.builder().build().readTree(call.body()).path("units").asInt()).isEqualTo(3);
		assertThat(call.authorization()).startsWith("Bearer ");
		JsonNode claims = JsonMapper.builder()
			.build()
			.readTree(Base64.getUrlDecoder().decode(call.authorization().substring(7).split("\\.")[1]));
		assertThat(claims.path("aud").asString()).isEqualTo("key-manager");
		assertThat(claims.path("role").asString()).isEqualTo("service");
		assertThat(claims.path("sub").asString()).isEqualTo("service:staging-backend");
	}

	@Test
	void fullyDeliveredJobRefundsNothing() {
		String reservation = UUID.randomUUID().toString();
		String token = TestTokens.userWithReservation("paying-user", reservation);
		var reply = api().submit(token, fields("room_type", "bedroom", "style", "modern", "wait", 60),
				TestImages.jpeg(320, 240));
		assertThat(reply.body().path("status").asString()).isEqualTo("completed");
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(TestEngines.keyManager().callsFor(reservation)).isEmpty());
	}

	@Test
	void webhookIsSignedAndRetriedUntilAccepted() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver(2)) {
			var reply = api().submit(USER,
					fields("room_type", "bedroom", "style", "modern", "webhook_url", receiver.url()),
					TestImages.jpeg(320, 240));
			String id = reply.body().path("id").asString();
			await().atMost(Duration.ofSeconds(30)).until(() -> receiver.deliveries().size() == 3);
			List<Delivery> deliveries = receiver.deliveries();
			assertThat(deliveries).extracting(Delivery::answeredStatus).containsExactly(500, 500, 204);
			assertThat(deliveries).extracting(Delivery::id).containsOnly(deliveries.get(0).id());
			Delivery last = deliveries.get(2);
			String expected = "v1,"
					+ hmac("test-webhook-secret", last.id() + "." + last.timestamp() + "." + last.body());
			assertThat(last.signature()).isEqualTo(expected);
			JsonNode payload = JsonMapper.builder().build().readTree(last.body());
			assertThat(payload.path("type").asString()).isEqualTo("job.completed");
			assertThat(payload.path("data").path("id").asString()).isEqualTo(id);
		}
	}

	@Test
	void webhookGivesUpAfterThreeTries() {
		try (WebhookReceiver receiver = new WebhookReceiver(10)) {
			api().submit(USER, fields("room_type", "bedroom", "style", "modern", "webhook_url", receiver.url()),
					TestImages.jpeg(320, 240));
			await().atMost(Duration.ofSeconds(30)).until(() -> receiver.deliveries().size() == 3);
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(3))
				.untilAsserted(() -> assertThat(receiver.deliveries()).hasSize(3));
		}
	}

	@Test
	void signedLinkRefusesTamperingAndExpiry() throws Exception {
		JsonNode job = api()
			.submit(USER, fields("room_type", "bedroom", "style", "modern", "wait", 60), TestImages.jpeg(320, 240))
			.body();
		String link = job.path("images").path(0).path("url").asString();
		assertThat(api().download(link).getStatusCode().value()).isEqualTo(200);
		assertThat(api().download(link.replace("image-0.png", "image-0.jpg")).getStatusCode().value()).isEqualTo(403);
		// a first character that differs from the real one (a fixed 'A' left 1 link in 64
		// untouched, and that test run failed)
		int sig = link.indexOf("sig=") + 4;
		String tampered = link.substring(0, sig) + ((link.charAt(sig) == 'A') ? 'B' : 'A') + link.substring(sig + 1);
		assertThat(api().download(tampered).getStatusCode().value()).isIn(403);
		String path = link.substring(0, link.indexOf('?'));
		long past = System.currentTimeMillis() / 1000 - 10;
		String expiredSig = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(mac("test-signed-url-secret-0123456789abcdef", path + "\n" + past));
		assertThat(api().download(path + "?expires=" + past + "&sig=" + expiredSig).getStatusCode().value())
			.isEqualTo(403);
		assertThat(api().download(path).getStatusCode().value()).isEqualTo(403);
	}

	@Test
	void eventStreamSendsStateFirstThenProgressImagesAndCompletion() throws Exception {
		TestEngines.simulator().promptDuration(Duration.ofMillis(800));
		String id = api()
			.submit(USER, fields("room_type", "bedroom", "style", "modern", "num_images", 2), TestImages.jpeg(320, 240))
			.body()
			.path("id")
			.asString();
		List<String> names = readEvents(id, null);
		assertThat(names.get(0)).isIn("queued", "started");
		assertThat(names).contains("progress", "image_ready");
		assertThat(names.get(names.size() - 1)).isEqualTo("completed");
		List<String> again = readEvents(id, "1");
		assertThat(again).containsExactly("completed");
	}

	@Test
	void aQueuedJobsStreamHearsItsPlaceMoveUpUntilItStarts() throws Exception {
		TestEngines.simulator().promptDuration(Duration.ofMillis(600));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			ids.add(api()
				.submit(USER, fields("room_type", "bedroom", "style", "modern", "num_images", 1),
						TestImages.jpeg(64, 48))
				.body()
				.path("id")
				.asString());
		}
		List<Event> events = readStream(ids.get(ids.size() - 1), null);
		List<Integer> places = events.stream()
			.takeWhile((event) -> event.name().equals("queued"))
			.map((event) -> event.data().path("queue_position").asInt())
			.toList();
		assertThat(places).as("%s", events).hasSizeGreaterThanOrEqualTo(2);
		assertThat(places).isSortedAccordingTo(Comparator.reverseOrder()).doesNotHaveDuplicates();
		assertThat(events.get(places.size()).name()).isEqualTo("started");
		assertThat(events.get(events.size() - 1).name()).isEqualTo("completed");
	}

	private List<String> readEvents(String jobId, String lastEventId) throws Exception {
		return readStream(jobId, lastEventId).stream().map(Event::name).toList();
	}

	private record Event(String name, JsonNode data) {
	}

	private List<Event> readStream(String jobId, String lastEventId) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/staging/jobs/" + jobId + "/events"))
			.header("Authorization", "Bearer " + TestTokens.fresh(USER, 0))
			.timeout(Duration.ofSeconds(60));
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		List<Event> events = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			String name = null;
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:") && name != null) {
					events.add(new Event(name, JsonMapper.builder().build().readTree(line.substring(5).strip())));
					name = null;
				}
			}
		}
		return events;
	}

	private static String hmac(String secret, String text) throws Exception {
		return Base64.getEncoder().encodeToString(mac(secret, text));
	}

	private static byte[] mac(String secret, String text) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
	}

}
