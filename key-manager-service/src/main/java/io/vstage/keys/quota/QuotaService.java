package io.vstage.keys.quota;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.vstage.keys.KeyManagerProperties;
import io.vstage.keys.key.ApiKey;
import io.vstage.keys.key.ApiKeyRepository;
import io.vstage.keys.key.KeyProblemException;
import io.vstage.keys.key.KeyStatus;
import io.vstage.keys.security.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily quotas. A reservation is one conditional UPDATE ({@code used + units <= quota}),
 * so it never goes over the quota whatever the concurrency; the reservation id makes it
 * idempotent. Reserve and release are safe in either order: both insert the reservation
 * id's one row, so whichever comes second meets the first's row (a release that comes
 * first leaves a {@code released} row that refuses the late reservation).
 */
@Service
public class QuotaService {

	private final JdbcClient jdbc;

	private final ApiKeyRepository keys;

	private final TransactionTemplate transactions;

	private final UsedTodayCache usedToday;

	private final Clock clock;

	private final ZoneId zone;

	QuotaService(JdbcClient jdbc, ApiKeyRepository keys, TransactionTemplate transactions, UsedTodayCache usedToday,
			Clock clock, KeyManagerProperties properties) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.transactions = transactions;
		this.usedToday = usedToday;
		this.clock = clock;
		this.zone = properties.quotaZone();
	}

	/**
	 * Reserves units; {@code created} is false when the same reservation was granted
	 * before.
	 */
	Reserved reserve(UUID reservationId, String keyId, int units) {
		Optional<Reservation> existing = find(reservationId);
		if (existing.isPresent()) {
			return replay(existing.get(), keyId, units);
		}
		Reserved reserved = this.transactions.execute((status) -> reserveNew(reservationId, keyId, units));
		// null: the same reservation id was granted concurrently, so answer as a replay
		return (reserved != null) ? reserved : replay(find(reservationId).orElseThrow(), keyId, units);
	}

	/**
	 * Claims the reservation id first ({@code on conflict do nothing}: a concurrent twin
	 * waits for it and then inserts nothing), then takes the units with one conditional
	 * update.
	 */
	private @Nullable Reserved reserveNew(UUID reservationId, String keyId, int units) {
		Instant now = this.clock.instant();
		QuotaDay day = today();
		ApiKey key = null;
		if (!Caller.SUPERADMIN.equals(keyId)) {
			key = this.keys.findById(parseKeyId(keyId)).orElseThrow(() -> KeyProblemException.notFound(keyId));
			KeyStatus status = key.statusAt(now);
			if (status != KeyStatus.ACTIVE) {
				throw KeyProblemException.notActive(keyId, status);
			}
		}
		int claimed = this.jdbc.sql(
				"insert into quota_reservations (id, key_id, units, day, state, refunded_units, created_at, updated_at)"
						+ " values (?, ?, ?, ?, 'reserved', 0, ?, ?) on conflict (id) do nothing")
			.params(reservationId.toString(), keyId, units, day.key(), now.toEpochMilli(), now.toEpochMilli())
			.update();
		if (claimed == 0) {
			return null;
		}
		Integer remaining = null;
		if (key != null) {
			this.jdbc.sql(
					"insert into quota_counters (key_id, day, used) values (?, ?, 0) on conflict (key_id, day) do nothing")
				.params(keyId, day.key())
				.update();
			int granted = this.jdbc
				.sql("update quota_counters set used = used + ? where key_id = ? and day = ? and used + ? <= ?")
				.params(units, keyId, day.key(), units, key.getDailyQuota())
				.update();
			int used = usedOn(keyId, day);
			if (granted == 0) {
				// rolls the claimed reservation back with the transaction
				throw new QuotaExceededException(key.getDailyQuota(), Math.max(0, key.getDailyQuota() - used), units,
						day.resetsAt(), now);
			}
			this.usedToday.put(keyId, day, used);
			remaining = key.getDailyQuota() - used;
		}
		return new Reserved(new Reservation(reservationId.toString(), keyId, units, day.key(), "reserved", 0),
				remaining, day.resetsAt(), true);
	}

	private Reserved replay(Reservation reservation, String keyId, int units) {
		if (reservation.isReleasedBeforeReserved()) {
			throw ReservationProblemException.released(reservation.id());
		}
		if (!keyId.equals(reservation.keyId()) || reservation.units() != units) {
			throw ReservationProblemException.conflict(reservation.id());
		}
		QuotaDay day = today();
		return new Reserved(reservation, remainingToday(keyId).orElse(null), day.resetsAt(), false);
	}

	/**
	 * Gives back undelivered units once; later calls change nothing and answer the same.
	 * A release of an id not seen yet records the id as released (nothing charged), so
	 * that the reservation, if it arrives later, is refused.
	 */
	Refunded refund(UUID reservationId, int units) {
		return this.transactions.execute((status) -> {
			Optional<Reservation> found = find(reservationId);
			if (found.isEmpty() && recordReleaseFirst(reservationId)) {
				return new Refunded(reservationId.toString(), 0, null, Reservation.RELEASED);
			}
			// the row exists, or a concurrent reservation inserted it first (and the
			// insert above waited for it to commit): refund that one
			Reservation reservation = found.or(() -> find(reservationId)).orElseThrow();
			if (reservation.state().equals("reserved")) {
				int refunded = Math.min(units, reservation.units());
				int changed = this.jdbc
					.sql("update quota_reservations set state = 'refunded', refunded_units = ?, updated_at = ?"
							+ " where id = ? and state = 'reserved'")
					.params(refunded, this.clock.millis(), reservation.id())
					.update();
				String keyId = reservation.keyId();
				if (changed == 1 && keyId != null && !Caller.SUPERADMIN.equals(keyId)) {
					this.jdbc
						.sql("update quota_counters set used = case when used >= ? then used - ? else 0 end"
								+ " where key_id = ? and day = ?")
						.params(refunded, refunded, keyId, reservation.day())
						.update();
					this.usedToday.evict(keyId);
				}
				reservation = find(reservationId).orElseThrow();
			}
			String keyId = reservation.keyId();
			return new Refunded(reservation.id(), reservation.refundedUnits(),
					(keyId != null) ? remainingToday(keyId).orElse(null) : null, reservation.state());
		});
	}

	/**
	 * Inserts the id's row as released, unless a row exists; false when one does
	 * (PostgreSQL waits here for a concurrent reservation of the id to commit or roll
	 * back; SQLite runs one writer at a time).
	 */
	private boolean recordReleaseFirst(UUID reservationId) {
		long now = this.clock.millis();
		return this.jdbc.sql(
				"insert into quota_reservations (id, key_id, units, day, state, refunded_units, created_at, updated_at)"
						+ " values (?, null, 0, ?, ?, 0, ?, ?) on conflict (id) do nothing")
			.params(reservationId.toString(), today().key(), Reservation.RELEASED, now, now)
			.update() == 1;
	}

	/** Live quota of a key. */
	LiveQuota live(String keyId) {
		QuotaDay day = today();
		if (Caller.SUPERADMIN.equals(keyId)) {
			return new LiveQuota(keyId, null, null, null, day.resetsAt());
		}
		ApiKey key = this.keys.findById(parseKeyId(keyId)).orElseThrow(() -> KeyProblemException.notFound(keyId));
		int used = usedOn(keyId, day);
		return new LiveQuota(keyId, key.getDailyQuota(), used, Math.max(0, key.getDailyQuota() - used), day.resetsAt());
	}

	/**
	 * Units left today for a key, from a cache refreshed at least every second; empty for
	 * the super admin.
	 */
	public Optional<Integer> remainingToday(String keyId) {
		if (Caller.SUPERADMIN.equals(keyId)) {
			return Optional.empty();
		}
		return this.keys.findById(parseKeyId(keyId)).map((key) -> remainingToday(key.getId(), key.getDailyQuota()));
	}

	/** Units left today for a key whose quota is known. */
	public int remainingToday(UUID keyId, int dailyQuota) {
		QuotaDay day = today();
		int used = this.usedToday.get(keyId.toString(), day, () -> usedOn(keyId.toString(), day));
		return Math.max(0, dailyQuota - used);
	}

	/** Units used today by each of the given keys (absent keys used none). */
	public Map<UUID, Integer> usedToday(Collection<UUID> keyIds) {
		Map<UUID, Integer> used = new HashMap<>();
		if (keyIds.isEmpty()) {
			return used;
		}
		this.jdbc.sql("select key_id, used from quota_counters where day = :day and key_id in (:ids)")
			.param("day", today().key())
			.param("ids", keyIds.stream().map(UUID::toString).toList())
			.query((rs, row) -> used.put(UUID.fromString(rs.getString(1)), rs.getInt(2)))
			.list();
		return used;
	}

	/** The current quota day. */
	public QuotaDay today() {
		return QuotaDay.current(this.clock, this.zone);
	}

	private int usedOn(String keyId, QuotaDay day) {
		return this.jdbc.sql("select used from quota_counters where key_id = ? and day = ?")
			.params(keyId, day.key())
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	private Optional<Reservation> find(UUID reservationId) {
		return this.jdbc
			.sql("select id, key_id, units, day, state, refunded_units from quota_reservations where id = ?")
			.param(reservationId.toString())
			.query((rs, row) -> new Reservation(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
					rs.getString(5), rs.getInt(6)))
			.optional();
	}

	private static UUID parseKeyId(String keyId) {
		try {
			return UUID.fromString(keyId);
		}
		catch (IllegalArgumentException ex) {
			throw KeyProblemException.notFound(keyId);
		}
	}

}
