package io.vstage.keys.auth;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Who a valid key is, as the gateway caches it.
 *
 * @param keyId the key id, or {@code superadmin}
 * @param role the role
 * @param name the key's name
 * @param email the owner's email
 * @param rateLimitPerMinute requests per minute
 * @param dailyQuota images per day (null: unlimited)
 * @param remainingToday images left today (null: unlimited)
 * @param resetsAt when the quota day ends
 * @param expiresAt when the key expires
 * @param validUntil when this secret stops working (grace end or expiry), if it does
 * @param issuedBy who issued the key (its {@code created_by}: an admin's key id,
 * {@code superadmin} or {@code legacy-import}); null for the super admin key
 */
record Principal(String keyId, String role, String name, @Nullable String email, int rateLimitPerMinute,
		@Nullable Integer dailyQuota, @Nullable Integer remainingToday, Instant resetsAt, @Nullable Instant expiresAt,
		@Nullable Instant validUntil, @Nullable String issuedBy) {
}
