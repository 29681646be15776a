package io.vstage.keys.admin;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A key as the admin API shows it (never its hash).
 *
 * @param id key id
 * @param name display name
 * @param ownerEmail owner's email
 * @param organization owner's organization
 * @param role user or admin
 * @param status active, revoked or expired
 * @param prefix display prefix
 * @param rateLimitPerMinute requests per minute
 * @param dailyQuota images per day
 * @param usedToday images used today
 * @param createdAt creation time
 * @param createdBy key id of the issuer, or {@code superadmin}
 * @param updatedAt last change
 * @param lastUsedAt last successful authentication (written in batches)
 * @param expiresAt expiry
 * @param revokedAt revocation time
 * @param previousValidUntil end of the grace period of the previous secret after a
 * rotation
 * @param metadata free-form metadata
 */
record KeyView(UUID id, String name, String ownerEmail, @Nullable String organization, String role, String status,
		String prefix, int rateLimitPerMinute, int dailyQuota, int usedToday, Instant createdAt, String createdBy,
		Instant updatedAt, @Nullable Instant lastUsedAt, @Nullable Instant expiresAt, @Nullable Instant revokedAt,
		@Nullable Instant previousValidUntil, @Nullable JsonNode metadata) {
}
