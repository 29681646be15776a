package io.vstage.gateway.quota;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.vstage.gateway.auth.Principal;
import io.vstage.gateway.keymanager.KeyManagerClient;
import io.vstage.gateway.keymanager.KeyManagerProperties;

import org.springframework.stereotype.Component;

/**
 * The last known daily quota of each key, answered without a network call: taken from the
 * authentication answer, updated by every reservation answer, and refreshed from the key
 * manager in the background once older than {@code quota-refresh}.
 */
@Component
public class LiveQuotas {

	private static final Log logger = LogFactory.getLog(LiveQuotas.class);

	private final KeyManagerClient keyManager;

	private final Clock clock;

	private final Duration refreshAfter;

	private final Cache<String, Snapshot> snapshots = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	public LiveQuotas(KeyManagerClient keyManager, KeyManagerProperties properties, Clock clock) {
		this.keyManager = keyManager;
		this.clock = clock;
		this.refreshAfter = properties.quotaRefresh();
	}

	/**
	 * The quota of the principal's key as last known; starts a refresh when it is old.
	 */
	public Snapshot current(Principal principal) {
		Instant now = this.clock.instant();
		Snapshot snapshot = this.snapshots.get(principal.keyId(), (id) -> new Snapshot(principal.dailyQuota(),
				principal.remainingToday(), principal.resetsAt(), now, false));
		if (snapshot.dailyQuota() != null && now.isAfter(snapshot.fetchedAt().plus(this.refreshAfter))
				&& !snapshot.refreshing()) {
			refresh(principal.keyId(), snapshot);
		}
		return snapshot.rolledOver(now);
	}

	/** Records what the key manager said after a reservation. */
	public void update(String keyId, @Nullable Integer dailyQuota, @Nullable Integer remainingToday,
			@Nullable Instant resetsAt) {
		this.snapshots.asMap()
			.compute(keyId,
					(id, old) -> new Snapshot((dailyQuota != null || old == null) ? dailyQuota : old.dailyQuota(),
							remainingToday, resetsAt, this.clock.instant(), false));
	}

	private void refresh(String keyId, Snapshot stale) {
		this.snapshots.asMap().replace(keyId, stale, stale.markRefreshing());
		this.keyManager.quota(keyId)
			.subscribe((view) -> update(keyId, view.dailyQuota(), view.remainingToday(), view.resetsAt()), (ex) -> {
				logger.debug("Live quota refresh of " + keyId + " failed: " + ex.getMessage());
				this.snapshots.asMap().computeIfPresent(keyId, (id, old) -> old.withFetchedAt(this.clock.instant()));
			});
	}

	/**
	 * A key's quota at one moment.
	 *
	 * @param dailyQuota units per day, {@code null} when unlimited
	 * @param remainingToday units left, {@code null} when unlimited
	 * @param resetsAt when the day ends
	 * @param fetchedAt when the key manager said so
	 * @param refreshing whether a refresh is under way
	 */
	public record Snapshot(@Nullable Integer dailyQuota, @Nullable Integer remainingToday, @Nullable Instant resetsAt,
			Instant fetchedAt, boolean refreshing) {

		Snapshot markRefreshing() {
			return new Snapshot(this.dailyQuota, this.remainingToday, this.resetsAt, this.fetchedAt, true);
		}

		Snapshot withFetchedAt(Instant at) {
			return new Snapshot(this.dailyQuota, this.remainingToday, this.resetsAt, at, false);
		}

		// past the reset the whole quota is back, even before the key manager is asked
		// again
		Snapshot rolledOver(Instant now) {
			if (this.resetsAt != null && this.dailyQuota != null && !now.isBefore(this.resetsAt)) {
				return new Snapshot(this.dailyQuota, this.dailyQuota, this.resetsAt.plus(Duration.ofDays(1)),
						this.fetchedAt, this.refreshing);
			}
			return this;
		}

	}

}
