package io.vstage.gateway.keymanager;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * The key manager's internal API. Every call fails with
 * {@link KeyManagerUnavailableException} when the key manager cannot be reached or
 * answers something the contract does not allow.
 */
public interface KeyManagerClient {

	/**
	 * {@code POST /internal/v1/keys/authenticate}; {@code seenChange} is the last change
	 * of the feed this gateway has applied, so that the key manager answers from nothing
	 * older.
	 */
	Mono<AuthenticationAnswer> authenticate(String apiKey, long seenChange);

	/** {@code GET /internal/v1/keys/changes/head}: the newest sequence number. */
	Mono<Long> changesHead();

	/** {@code GET /internal/v1/keys/changes?after=}. */
	Mono<ChangesPage> changesAfter(long cursor);

	/** {@code GET /internal/v1/quota/{key_id}}. */
	Mono<QuotaView> quota(String keyId);

	/** {@code POST /internal/v1/quota/reservations}. */
	Mono<Reservation> reserve(UUID reservationId, String keyId, int units);

	/**
	 * {@code POST /internal/v1/quota/reservations/{id}/refund}: the units left today
	 * afterwards (empty when unlimited or the reservation is unknown).
	 */
	Mono<Integer> refund(UUID reservationId, int units);

	/** {@code POST /internal/v1/usage}, at most 1000 events. */
	Mono<Void> sendUsage(List<UsageEvent> events);

}
