package io.vstage.keys.key;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The editable details of a key.
 *
 * @param name display name
 * @param ownerEmail owner's email
 * @param organization owner's organization
 * @param rateLimitPerMinute requests per minute
 * @param dailyQuota images per day
 * @param expiresAt when the key stops working, or null
 * @param metadataJson free-form metadata as JSON text, or null
 */
public record KeyDetails(String name, String ownerEmail, @Nullable String organization, int rateLimitPerMinute,
		int dailyQuota, @Nullable Instant expiresAt, @Nullable String metadataJson) {

	public KeyDetails {
		Objects.requireNonNull(name, "name == null");
		Objects.requireNonNull(ownerEmail, "ownerEmail == null");
	}

}
