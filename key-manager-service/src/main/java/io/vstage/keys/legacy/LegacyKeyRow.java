package io.vstage.keys.legacy;

import org.jspecify.annotations.Nullable;

/** One row of the first version's {@code api_keys} table, as read. */
record LegacyKeyRow(long id, String keyHash, String keyPrefix, String name, @Nullable String status, String userEmail,
		@Nullable String organization, @Nullable String role, @Nullable String createdAt, @Nullable String lastUsed,
		@Nullable String revokedAt, @Nullable Integer rateLimit, @Nullable Integer dailyQuota,
		@Nullable Integer currentDailyUsage, @Nullable String lastQuotaReset) {
}
