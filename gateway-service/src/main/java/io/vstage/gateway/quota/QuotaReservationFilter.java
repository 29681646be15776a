package io.vstage.gateway.quota;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import io.vstage.contracts.generation.GenerationApi;
import io.vstage.contracts.generation.GenerationReading;
import io.vstage.contracts.generation.GenerationRequest;
import io.vstage.contracts.generation.Refusal;
import io.vstage.contracts.problem.ProblemTypes;
import io.vstage.gateway.GatewayAttributes;
import io.vstage.gateway.GatewayFilterOrder;
import io.vstage.gateway.RoutePolicy;
import io.vstage.gateway.auth.Principal;
import io.vstage.gateway.keymanager.KeyManagerClient;
import io.vstage.gateway.keymanager.KeyManagerUnavailableException;
import io.vstage.gateway.keymanager.Reservation;
import io.vstage.gateway.web.ProblemResponder;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reserves the daily quota of a generation request before it is routed: the multipart
 * body is spooled to disk (capped) and read the suite's one way (the backend reads it the
 * same way and renders exactly the units reserved), {@code num_images} × photos units are
 * reserved with the key manager, and the spooled body is streamed upstream with the
 * reservation and its units in the JWT. Ambiguous requests are refused before anything is
 * reserved. A request the service did not accept (non-2xx, or no answer) gets its units
 * refunded.
 */
@Component
class QuotaReservationFilter implements GlobalFilter, Ordered {

	private static final Log logger = LogFactory.getLog(QuotaReservationFilter.class);

	private static final Duration RELEASE_BACKOFF = Duration.ofSeconds(1);

	private final KeyManagerClient keyManager;

	private final LiveQuotas quotas;

	private final QuotaProperties properties;

	private final ProblemResponder problems;

	private final Clock clock;

	QuotaReservationFilter(KeyManagerClient keyManager, LiveQuotas quotas, QuotaProperties properties,
			ProblemResponder problems, Clock clock) {
		this.keyManager = keyManager;
		this.quotas = quotas;
		this.properties = properties;
		this.problems = problems;
		this.clock = clock;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Principal principal = exchange.getAttribute(GatewayAttributes.PRINCIPAL);
		if (!RoutePolicy.of(exchange).generation() || principal == null) {
			return chain.filter(exchange);
		}
		HttpHeaders headers = exchange.getRequest().getHeaders();
		MediaType type = headers.getContentType();
		if (type == null || !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) {
			return this.problems.reject(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
					"A generation request is multipart/form-data");
		}
		long max = this.properties.maxUploadSize().toBytes();
		if (headers.getContentLength() > max) {
			return tooLarge(exchange, max);
		}
		// the spooled file is deleted before the filter completes, whatever happens
		return Mono
			.usingWhen(UploadSpool.write(exchange.getRequest().getBody(), this.properties.spool(), max),
					(spool) -> admit(exchange, chain, principal, spool), UploadSpool::delete,
					(spool, ex) -> spool.delete(), UploadSpool::delete)
			.onErrorResume(DataBufferLimitException.class, (ex) -> tooLarge(exchange, max));
	}

	private Mono<Void> admit(ServerWebExchange exchange, GatewayFilterChain chain, Principal principal,
			UploadSpool spool) {
		ServerHttpRequest request = exchange.getRequest();
		return GenerationForm
			.read(generationApi(exchange), request.getURI().getRawQuery(), request.getHeaders(),
					spool.read(exchange.getResponse().bufferFactory()))
			.flatMap((reading) -> switch (reading) {
				case GenerationReading.Admissible(GenerationRequest admissible) ->
					reserve(exchange, chain, principal, spool, admissible.units());
				case GenerationReading.Refused(Refusal refusal) -> refuse(exchange, refusal);
			})
			// a client's broken body (no boundary, truncated parts) is its mistake, not
			// ours
			.onErrorResume(DecodingException.class, (ex) -> this.problems.reject(exchange, HttpStatus.BAD_REQUEST,
					ProblemTypes.BAD_MULTIPART, "The multipart body could not be read: " + ex.getMessage()));
	}

	private Mono<Void> refuse(ServerWebExchange exchange, Refusal refusal) {
		HttpStatus status = HttpStatus.valueOf(refusal.status());
		if (refusal.field() == null) {
			return this.problems.reject(exchange, status, refusal.slug(), refusal.detail());
		}
		return this.problems.reject(exchange, status, refusal.slug(), refusal.detail(),
				Map.of("errors", List.of(Map.of("field", refusal.field(), "detail", refusal.detail()))));
	}

	private Mono<Void> reserve(ServerWebExchange exchange, GatewayFilterChain chain, Principal principal,
			UploadSpool spool, int units) {
		UUID reservationId = UUID.randomUUID();
		return this.keyManager.reserve(reservationId, principal.keyId(), units).flatMap((answer) -> switch (answer) {
			case Reservation.Granted(Integer remaining, Instant resetsAt) -> {
				this.quotas.update(principal.keyId(), principal.dailyQuota(), remaining, resetsAt);
				exchange.getAttributes().put(GatewayAttributes.RESERVATION_ID, reservationId);
				exchange.getAttributes().put(GatewayAttributes.RESERVED_UNITS, units);
				yield forward(exchange, chain, principal, spool, reservationId, units);
			}
			case Reservation.Refused(Map<String, Object> problem) -> exceeded(exchange, principal, problem, units);
		}).onErrorResume(KeyManagerUnavailableException.class, (ex) -> {
			releaseLater(reservationId, units);
			return this.problems.reject(exchange, HttpStatus.SERVICE_UNAVAILABLE, "key-manager-unavailable",
					"The daily quota cannot be reserved right now; retry shortly", Map.of("retry_after_seconds", 5));
		});
	}

	/**
	 * A reservation that timed out may still be granted later (a key manager that is
	 * starting answers late): it is released at once, and again until the key manager
	 * answers. A release that arrives before its reservation is remembered by the key
	 * manager, which then refuses the late reservation, so nothing stays charged in
	 * either order.
	 */
	private void releaseLater(UUID reservationId, int units) {
		Mono.defer(() -> this.keyManager.refund(reservationId, units))
			.retryWhen(Retry.backoff(8, RELEASE_BACKOFF))
			.subscribe(null, (ex) -> logger.warn("Reservation " + reservationId
					+ " that timed out could not be released; its units stay used today: " + ex.getMessage()));
	}

	private Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain, Principal principal,
			UploadSpool spool, UUID reservationId, int units) {
		HttpHeaders headers = new HttpHeaders();
		headers.addAll(exchange.getRequest().getHeaders());
		headers.remove(HttpHeaders.TRANSFER_ENCODING);
		headers.setContentLength(spool.size());
		Flux<DataBuffer> body = spool.read(exchange.getResponse().bufferFactory());
		ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {
			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}

			@Override
			public Flux<DataBuffer> getBody() {
				return body;
			}
		};
		// refunded before the refusal reaches the client, so that its next request
		// already has room
		exchange.getResponse().beforeCommit(() -> {
			HttpStatusCode status = exchange.getResponse().getStatusCode();
			return (status != null && status.is2xxSuccessful()) ? Mono.empty()
					: refund(principal, reservationId, units, "the answer was " + status);
		});
		return chain.filter(exchange.mutate().request(request).build());
	}

	private Mono<Void> refund(Principal principal, UUID reservationId, int units, String why) {
		return this.keyManager.refund(reservationId, units)
			.doOnNext((remaining) -> this.quotas.update(principal.keyId(), principal.dailyQuota(), remaining,
					this.quotas.current(principal).resetsAt()))
			.then()
			.onErrorResume((ex) -> {
				logger.warn("Refund of reservation " + reservationId + " (" + why + ") failed: " + ex.getMessage());
				return Mono.empty();
			});
	}

	private Mono<Void> exceeded(ServerWebExchange exchange, Principal principal, Map<String, Object> problem,
			int units) {
		Map<String, Object> extra = new LinkedHashMap<>();
		for (String member : new String[] { "daily_quota", "remaining_today", "requested", "resets_at" }) {
			if (problem.get(member) != null) {
				extra.put(member, problem.get(member));
			}
		}
		extra.putIfAbsent("requested", units);
		Object resetsAt = extra.get("resets_at");
		if (resetsAt != null) {
			long seconds = Math.max(1,
					Duration.between(this.clock.instant(), Instant.parse(resetsAt.toString())).toSeconds());
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		}
		if (extra.get("remaining_today") instanceof Number remaining) {
			this.quotas.update(principal.keyId(), principal.dailyQuota(), remaining.intValue(),
					(resetsAt != null) ? Instant.parse(resetsAt.toString()) : null);
		}
		return this.problems.reject(exchange, HttpStatus.TOO_MANY_REQUESTS, "quota-exceeded",
				"Daily quota exceeded: " + units + " images requested, " + extra.getOrDefault("remaining_today", 0)
						+ " left until " + extra.getOrDefault("resets_at", "the next reset"),
				extra);
	}

	private Mono<Void> tooLarge(ServerWebExchange exchange, long max) {
		return this.problems.reject(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
				"The upload is larger than " + max + " bytes");
	}

	/** The endpoint's form, from the route's {@code generation-api} metadata. */
	private static GenerationApi generationApi(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		Object api = (route != null) ? route.getMetadata().get("generation-api") : null;
		return (api != null) ? GenerationApi.valueOf(api.toString().strip().toUpperCase(Locale.ROOT))
				: GenerationApi.STAGING;
	}

	@Override
	public int getOrder() {
		return GatewayFilterOrder.QUOTA_RESERVATION;
	}

}
