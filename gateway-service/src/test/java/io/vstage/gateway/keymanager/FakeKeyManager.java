package io.vstage.gateway.keymanager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import io.vstage.gateway.keymanager.AuthenticationAnswer.PrincipalView;

/**
 * An in-memory key manager for Spring-free filter tests; the route tests use the real
 * one.
 */
public class FakeKeyManager implements KeyManagerClient {

	public final Map<String, AuthenticationAnswer> answers = new ConcurrentHashMap<>();

	public final List<ChangesPage.Change> changes = new CopyOnWriteArrayList<>();

	public final AtomicInteger authenticateCalls = new AtomicInteger();

	public final Map<UUID, Integer> reservations = new ConcurrentHashMap<>();

	public final Map<UUID, Integer> refunds = new ConcurrentHashMap<>();

	public final List<List<UsageEvent>> usageBatches = new CopyOnWriteArrayList<>();

	public volatile boolean down;

	public volatile int remaining = 10;

	public static PrincipalView user(String keyId) {
		return new PrincipalView(keyId, "user", "test key", "owner@example.com", 60, 10, 10,
				Instant.parse("2030-01-01T00:00:00Z"), null, null, "admin-key-1");
	}

	public static PrincipalView superAdmin() {
		return new PrincipalView("superadmin", "superadmin", "super admin", null, 100000, null, null, null, null, null,
				null);
	}

	public void register(String apiKey, PrincipalView principal) {
		this.answers.put(apiKey, new AuthenticationAnswer("valid", null, principal));
	}

	@Override
	public Mono<AuthenticationAnswer> authenticate(String apiKey, long seenChange) {
		this.authenticateCalls.incrementAndGet();
		return available(() -> this.answers.getOrDefault(apiKey, new AuthenticationAnswer("unknown", null, null)));
	}

	@Override
	public Mono<Long> changesHead() {
		return available(() -> (long) this.changes.size());
	}

	@Override
	public Mono<ChangesPage> changesAfter(long cursor) {
		return available(() -> new ChangesPage(new ArrayList<>(this.changes.subList((int) cursor, this.changes.size())),
				this.changes.size()));
	}

	@Override
	public Mono<QuotaView> quota(String keyId) {
		return available(() -> new QuotaView(keyId, 10, 10 - this.remaining, this.remaining, null));
	}

	@Override
	public Mono<Reservation> reserve(UUID reservationId, String keyId, int units) {
		return available(() -> {
			if (units > this.remaining) {
				return new Reservation.Refused(Map.of("daily_quota", 10, "remaining_today", this.remaining, "requested",
						units, "resets_at", "2030-01-01T00:00:00Z"));
			}
			this.remaining -= units;
			this.reservations.put(reservationId, units);
			return new Reservation.Granted(this.remaining, Instant.parse("2030-01-01T00:00:00Z"));
		});
	}

	@Override
	public Mono<Integer> refund(UUID reservationId, int units) {
		return available(() -> {
			this.refunds.put(reservationId, units);
			this.remaining += units;
			return this.remaining;
		});
	}

	@Override
	public Mono<Void> sendUsage(List<UsageEvent> events) {
		return available(() -> this.usageBatches.add(List.copyOf(events))).then();
	}

	private <T> Mono<T> available(Supplier<T> answer) {
		return Mono
			.defer(() -> this.down ? Mono.error(new KeyManagerUnavailableException("down")) : Mono.just(answer.get()));
	}

}
