package io.vstage.keys.auth;

import java.time.Instant;
import java.util.UUID;

import io.vstage.keys.key.ApiKey;
import io.vstage.keys.key.KeyRole;
import io.vstage.keys.key.KeyStatus;
import org.jspecify.annotations.Nullable;

/** An immutable snapshot of what authentication needs from a key. */
record CachedKey(UUID id, KeyRole role, String name, String email, int rateLimitPerMinute, int dailyQuota,
		KeyStatus status, @Nullable Instant expiresAt, String keyHash, @Nullable String previousKeyHash,
		@Nullable Instant previousValidUntil, String createdBy) {

	static CachedKey of(ApiKey key) {
		return new CachedKey(key.getId(), key.getRole(), key.getName(), key.getOwnerEmail(),
				key.getRateLimitPerMinute(), key.getDailyQuota(), key.getStatus(), key.getExpiresAt(), key.getKeyHash(),
				key.getPreviousKeyHash(), key.getPreviousValidUntil(), key.getCreatedBy());
	}

}
