package io.vstage.gateway.keymanager;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A key's live daily quota.
 *
 * @param keyId the key
 * @param dailyQuota units per day, {@code null} when unlimited
 * @param usedToday units used today
 * @param remainingToday units left, {@code null} when unlimited
 * @param resetsAt when the day ends
 */
public record QuotaView(String keyId, @Nullable Integer dailyQuota, @Nullable Integer usedToday,
		@Nullable Integer remainingToday, @Nullable Instant resetsAt) {
}
