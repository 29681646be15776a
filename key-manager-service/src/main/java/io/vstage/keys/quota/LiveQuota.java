package io.vstage.keys.quota;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A key's quota now; the numbers are null for the (unlimited) super admin.
 *
 * @param keyId the key
 * @param dailyQuota units per day
 * @param usedToday units used today
 * @param remainingToday units left today
 * @param resetsAt when the day ends
 */
record LiveQuota(String keyId, @Nullable Integer dailyQuota, @Nullable Integer usedToday,
		@Nullable Integer remainingToday, Instant resetsAt) {
}
