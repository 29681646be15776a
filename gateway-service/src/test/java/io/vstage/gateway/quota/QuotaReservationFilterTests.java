package io.vstage.gateway.quota;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import io.vstage.gateway.Exchanges;
import io.vstage.gateway.GatewayAttributes;
import io.vstage.gateway.MutableClock;
import io.vstage.gateway.Role;
import io.vstage.gateway.auth.Principal;
import io.vstage.gateway.keymanager.FakeKeyManager;
import io.vstage.gateway.keymanager.KeyManagerProperties;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaReservationFilterTests {

	private static final String BOUNDARY = "vstage-boundary";

	private static final Map<String, Object> GENERATION = Map.of("role", "user", "generation", "true", "generation-api",
			"staging");

	@TempDir
	Path spool;

	private final FakeKeyManager keyManager = new FakeKeyManager();

	private final MutableClock clock = new MutableClock();

	@Test
	void reservesNumImagesTimesPhotosAndStreamsTheSameBodyOn() {
		String body = multipart(3, 2);
		AtomicReference<String> forwarded = new AtomicReference<>();
		MockServerWebExchange exchange = exchange(body);
		filter(1024 * 1024).filter(exchange, answering(HttpStatus.ACCEPTED, forwarded)).block();
		UUID reservation = exchange.getAttribute(GatewayAttributes.RESERVATION_ID);
		assertThat(this.keyManager.reservations).containsEntry(reservation, 6);
		assertThat(forwarded.get()).isEqualTo(body);
		assertThat(this.keyManager.refunds).isEmpty();
		assertThat(this.spool.toFile().list()).isEmpty();
	}

	@Test
	void refusedReservationIs429NamingTheQuotaWhatIsLeftAndTheReset() {
		this.keyManager.remaining = 2;
		MockServerWebExchange exchange = exchange(multipart(3, 1));
		AtomicReference<String> forwarded = new AtomicReference<>();
		filter(1024 * 1024).filter(exchange, answering(HttpStatus.ACCEPTED, forwarded)).block();
		assertThat(forwarded.get()).isNull();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isNotBlank();
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("problems/quota-exceeded")
			.contains("\"daily_quota\":10")
			.contains("\"remaining_today\":2")
			.contains("\"requested\":3")
			.contains("\"resets_at\":\"2030-01-01T00:00:00Z\"");
	}

	@Test
	void requestTheServiceDidNotAcceptIsRefunded() {
		MockServerWebExchange exchange = exchange(multipart(2, 1));
		filter(1024 * 1024).filter(exchange, answering(HttpStatus.UNPROCESSABLE_CONTENT, new AtomicReference<>()))
			.block();
		UUID reservation = exchange.getAttribute(GatewayAttributes.RESERVATION_ID);
		assertThat(this.keyManager.refunds).containsEntry(reservation, 2);
		assertThat(this.keyManager.remaining).isEqualTo(10);
	}

	@Test
	void reservationThatTimedOutIsReleasedOnceTheKeyManagerAnswersAgain() {
		this.keyManager.down = true;
		MockServerWebExchange exchange = exchange(multipart(2, 1));
		filter(1024 * 1024).filter(exchange, answering(HttpStatus.ACCEPTED, new AtomicReference<>())).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		this.keyManager.down = false;
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.keyManager.refunds).containsValue(2));
	}

	@Test
	void uploadLargerThanTheCapIs413AndReservesNothing() {
		MockServerWebExchange exchange = exchange(multipart(1, 1));
		filter(64).filter(exchange, answering(HttpStatus.ACCEPTED, new AtomicReference<>())).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(this.keyManager.reservations).isEmpty();
	}

	@Test
	void numImagesOutOfRangeIs422() {
		MockServerWebExchange exchange = exchange(multipart(11, 1));
		filter(1024 * 1024).filter(exchange, answering(HttpStatus.ACCEPTED, new AtomicReference<>())).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("num_images");
	}

	@Test
	void truncatedMultipartBodyIs400AndReservesNothing() {
		String body = multipart(1, 1);
		MockServerWebExchange exchange = exchange(body.substring(0, body.indexOf("not really")));
		filter(1024 * 1024).filter(exchange, answering(HttpStatus.ACCEPTED, new AtomicReference<>())).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("problems/bad-multipart");
		assertThat(this.keyManager.reservations).isEmpty();
	}

	@Test
	void multipartWithoutBoundaryIs400AndReservesNothing() {
		MockServerWebExchange exchange = Exchanges.routed(MockServerHttpRequest.post("/api/v1/staging/jobs")
			.header("Content-Type", "multipart/form-data")
			.body("garbage"), GENERATION);
		exchange.getAttributes()
			.put(GatewayAttributes.PRINCIPAL,
					new Principal("key-1", Role.USER, null, null, 60, 10, 10, null, null, null));
		filter(1024 * 1024).filter(exchange, answering(HttpStatus.ACCEPTED, new AtomicReference<>())).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("problems/bad-multipart");
		assertThat(this.keyManager.reservations).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "num_images=10", "num%5Fimages=10", "NUM_IMAGES=2", "image=x", "wait=1&wait=2" })
	void generationParametersInTheQueryStringAreAmbiguousAndReserveNothing(String query) {
		AtomicReference<String> forwarded = new AtomicReference<>();
		MockServerWebExchange exchange = exchange("/api/v1/staging/jobs?" + query, multipart(1, 1));
		filter(1024 * 1024).filter(exchange, answering(HttpStatus.ACCEPTED, forwarded)).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("problems/ambiguous-request");
		assertThat(this.keyManager.reservations).isEmpty();
		assertThat(forwarded.get()).isNull();
	}

	@Test
	void numImagesGivenTwiceIsAmbiguousInEitherOrderAndReservesNothing() {
		for (String twice : List.of(field("num_images", "10") + field("num_images", "1"),
				field("num_images", "1") + field("num_images", "10"))) {
			MockServerWebExchange exchange = exchange("/api/v1/staging/jobs", twice + photo("image") + end());
			filter(1024 * 1024).filter(exchange, answering(HttpStatus.ACCEPTED, new AtomicReference<>())).block();
			assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(exchange.getResponse().getBodyAsString().block()).contains("problems/ambiguous-request")
				.contains("num_images");
		}
		assertThat(this.keyManager.reservations).isEmpty();
	}

	@Test
	void anExtendedPartNameIsAmbiguousAndReservesNothing() {
		String body = "--" + BOUNDARY
				+ "\r\nContent-Disposition: form-data; name*=UTF-8''image; filename=\"a.jpg\"\r\n\r\nbytes\r\n" + end();
		MockServerWebExchange exchange = exchange("/api/v1/staging/jobs", body);
		filter(1024 * 1024).filter(exchange, answering(HttpStatus.ACCEPTED, new AtomicReference<>())).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("problems/ambiguous-request");
		assertThat(this.keyManager.reservations).isEmpty();
	}

	@Test
	void theLegacyEndpointReadsItsFilePartAndRefusesItsQueryParameters() {
		Map<String, Object> legacy = Map.of("role", "user", "generation", "true", "generation-api", "legacy");
		MockServerWebExchange admitted = exchange("/api/virtual-staging/generate",
				field("num_images", "3") + photo("file") + end(), legacy);
		filter(1024 * 1024).filter(admitted, answering(HttpStatus.OK, new AtomicReference<>())).block();
		assertThat(this.keyManager.reservations).containsValue(3);

		MockServerWebExchange inQuery = exchange("/api/virtual-staging/generate?num_images=3", photo("file") + end(),
				legacy);
		filter(1024 * 1024).filter(inQuery, answering(HttpStatus.OK, new AtomicReference<>())).block();
		assertThat(inQuery.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(this.keyManager.reservations).hasSize(1);
	}

	private QuotaReservationFilter filter(long maxBytes) {
		KeyManagerProperties properties = new KeyManagerProperties(URI.create("http://km.invalid"),
				Duration.ofSeconds(1), Duration.ofMillis(400), Duration.ofMinutes(10), Duration.ofSeconds(5),
				Duration.ofSeconds(60), Duration.ofSeconds(5), 1000);
		return new QuotaReservationFilter(this.keyManager, new LiveQuotas(this.keyManager, properties, this.clock),
				new QuotaProperties(DataSize.ofBytes(maxBytes), this.spool), Exchanges.problems(), this.clock);
	}

	private static GatewayFilterChain answering(HttpStatus status, AtomicReference<String> forwarded) {
		return (exchange) -> DataBufferUtils.join(exchange.getRequest().getBody()).map((buffer) -> {
			String body = buffer.toString(StandardCharsets.UTF_8);
			DataBufferUtils.release(buffer);
			assertThat(exchange.getRequest().getHeaders().getContentLength()).isEqualTo(body.length());
			return body;
		}).doOnNext(forwarded::set).then(Mono.defer(() -> {
			exchange.getResponse().setStatusCode(status);
			return exchange.getResponse().setComplete();
		}));
	}

	private static MockServerWebExchange exchange(String body) {
		return exchange("/api/v1/staging/jobs", body);
	}

	private static MockServerWebExchange exchange(String uri, String body) {
		return exchange(uri, body, GENERATION);
	}

	private static MockServerWebExchange exchange(String uri, String body, Map<String, Object> route) {
		// a URI, not a template: the query reaches the filter as the client encoded it
		MockServerWebExchange exchange = Exchanges.routed(MockServerHttpRequest.method(HttpMethod.POST, URI.create(uri))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.remoteAddress(new InetSocketAddress("203.0.113.7", 40000))
			.body(body), route);
		exchange.getAttributes()
			.put(GatewayAttributes.PRINCIPAL,
					new Principal("key-1", Role.USER, null, null, 60, 10, 10, null, null, null));
		return exchange;
	}

	private static String field(String name, String value) {
		return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
	}

	private static String photo(String name) {
		return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name
				+ "\"; filename=\"room.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nnot really a jpeg\r\n";
	}

	private static String end() {
		return "--" + BOUNDARY + "--\r\n";
	}

	private static String multipart(int numImages, int photos) {
		StringBuilder body = new StringBuilder();
		body.append("--")
			.append(BOUNDARY)
			.append("\r\nContent-Disposition: form-data; name=\"num_images\"\r\n\r\n")
			.append(numImages)
			.append("\r\n");
		body.append("--")
			.append(BOUNDARY)
			.append("\r\nContent-Disposition: form-data; name=\"style\"\r\n\r\nmodern\r\n");
		for (int i = 0; i < photos; i++) {
			body.append("--")
				.append(BOUNDARY)
				.append("\r\nContent-Disposition: form-data; name=\"image\"; filename=\"room")
				.append(i)
				.append(".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
				.append("not really a jpeg but bytes ".repeat(20))
				.append("\r\n");
		}
		return body.append("--").append(BOUNDARY).append("--\r\n").toString();
	}

}
