package io.vstage.gateway.keymanager;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.vstage.gateway.GatewayAttributes;
import io.vstage.gateway.jwt.InternalTokenMinter;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link KeyManagerClient} over HTTP, authenticated with the gateway's service token.
 */
@Component
class WebClientKeyManagerClient implements KeyManagerClient {

	private static final Log logger = LogFactory.getLog(WebClientKeyManagerClient.class);

	private static final String REQUEST_ID_HEADER = "X-Request-Id";

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private final WebClient web;

	private final InternalTokenMinter tokens;

	private final KeyManagerProperties properties;

	WebClientKeyManagerClient(WebClient.Builder builder, InternalTokenMinter tokens, KeyManagerProperties properties) {
		this.web = builder.clone().baseUrl(properties.url().toString()).filter(forwardRequestId()).build();
		this.tokens = tokens;
		this.properties = properties;
	}

	@Override
	public Mono<AuthenticationAnswer> authenticate(String apiKey, long seenChange) {
		return call(post("/internal/v1/keys/authenticate", new AuthenticateRequest(apiKey, seenChange)),
				okBody(AuthenticationAnswer.class));
	}

	@Override
	public Mono<Long> changesHead() {
		return call(get("/internal/v1/keys/changes/head"), okBody(Head.class)).map(Head::cursor);
	}

	@Override
	public Mono<ChangesPage> changesAfter(long cursor) {
		return call(get("/internal/v1/keys/changes?after=" + cursor), okBody(ChangesPage.class));
	}

	@Override
	public Mono<QuotaView> quota(String keyId) {
		return call(get("/internal/v1/quota/{id}", keyId), okBody(QuotaView.class));
	}

	@Override
	public Mono<Reservation> reserve(UUID reservationId, String keyId, int units) {
		return call(post("/internal/v1/quota/reservations", new ReserveRequest(reservationId, keyId, units)),
				(response) -> {
					if (response.statusCode().is2xxSuccessful()) {
						return response.bodyToMono(Granted.class)
							.map((g) -> (Reservation) new Reservation.Granted(g.remainingToday(), g.resetsAt()));
					}
					if (response.statusCode().value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
						return response.bodyToMono(MAP).map(Reservation.Refused::new);
					}
					return unexpected(response);
				});
	}

	@Override
	public Mono<Integer> refund(UUID reservationId, int units) {
		return call(post("/internal/v1/quota/reservations/{id}/refund", new RefundRequest(units), reservationId),
				(response) -> {
					if (response.statusCode().is2xxSuccessful()) {
						return response.bodyToMono(Refunded.class).mapNotNull(Refunded::remainingToday);
					}
					return (response.statusCode().value() == 404) ? response.releaseBody().then(Mono.empty())
							: unexpected(response);
				});
	}

	@Override
	public Mono<Void> sendUsage(List<UsageEvent> events) {
		return call(post("/internal/v1/usage", new UsageBatch(events)), (response) -> {
			if (response.statusCode().is4xxClientError()) {
				// a batch the key manager refuses would be refused again: dropped, not
				// retried forever
				logger.warn("Key manager refused a usage batch of " + events.size() + " events with "
						+ response.statusCode().value() + "; the batch is dropped");
				return response.releaseBody();
			}
			return response.statusCode().is2xxSuccessful() ? response.releaseBody() : unexpected(response);
		});
	}

	// calls made for a client's request carry its id, so the key manager's log lines
	// match
	// the gateway's; background calls (change feed, usage batches) have none
	private static ExchangeFilterFunction forwardRequestId() {
		return (request, next) -> Mono
			.deferContextual((context) -> next.exchange(context.<String>getOrEmpty(GatewayAttributes.REQUEST_ID)
				.map((id) -> ClientRequest.from(request).header(REQUEST_ID_HEADER, id).build())
				.orElse(request)));
	}

	private WebClient.RequestHeadersSpec<?> get(String uri, Object... variables) {
		return this.web.get().uri(uri, variables).headers((h) -> h.setBearerAuth(this.tokens.serviceToken()));
	}

	private WebClient.RequestHeadersSpec<?> post(String uri, Object body, Object... variables) {
		return this.web.post()
			.uri(uri, variables)
			.headers((h) -> h.setBearerAuth(this.tokens.serviceToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body);
	}

	private <T> Mono<T> call(WebClient.RequestHeadersSpec<?> spec, Function<ClientResponse, Mono<T>> handler) {
		return spec.exchangeToMono(handler)
			.timeout(this.properties.timeout())
			.onErrorMap((ex) -> !(ex instanceof KeyManagerUnavailableException),
					(ex) -> new KeyManagerUnavailableException("Key manager call failed: " + ex, ex));
	}

	private static <T> Function<ClientResponse, Mono<T>> okBody(Class<T> type) {
		return (response) -> response.statusCode().is2xxSuccessful() ? response.bodyToMono(type) : unexpected(response);
	}

	private static <T> Mono<T> unexpected(ClientResponse response) {
		return response.releaseBody()
			.then(Mono.error(new KeyManagerUnavailableException(
					"Key manager answered " + response.statusCode().value() + " to " + response.request().getURI())));
	}

	record AuthenticateRequest(String apiKey, long seenChange) {

		@Override
		public String toString() {
			return "AuthenticateRequest[hidden]";
		}

	}

	record Head(long cursor) {
	}

	record ReserveRequest(UUID reservationId, String keyId, int units) {
	}

	record Granted(@Nullable Integer remainingToday, @Nullable Instant resetsAt) {
	}

	record RefundRequest(int units) {
	}

	record Refunded(@Nullable Integer remainingToday) {
	}

	record UsageBatch(List<UsageEvent> events) {
	}

}
