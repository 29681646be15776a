package io.vstage.keys;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the key manager. The two secrets are checked here so that a bad value stops
 * start-up with a message that says how to make a good one.
 *
 * @param superAdminApiKey the super admin's API key ({@code SUPER_ADMIN_API_KEY}); see
 * {@link SuperAdminKeyRules}
 * @param internalJwtSecret HS256 key of the internal JWT ({@code INTERNAL_JWT_SECRET});
 * at least 32 characters
 * @param jwtAudience audience this service accepts in internal JWTs
 * @param quotaZoneId zone whose midnight resets daily quotas (empty: UTC)
 * @param lastUsedFlushInterval how often batched last-used times are written
 * @param cacheSyncInterval how often the change feed is read to drop cached principals
 * changed by other instances
 * @param expirySweepInterval how often keys past their expiry are marked expired
 * @param databaseWait longest a request waits for a database connection before it is
 * answered 503 ({@code database-busy})
 */
@ConfigurationProperties("vstage.keys")
public record KeyManagerProperties(String superAdminApiKey, String internalJwtSecret,
		@DefaultValue("key-manager") String jwtAudience, @DefaultValue("UTC") String quotaZoneId,
		@DefaultValue("2s") Duration lastUsedFlushInterval, @DefaultValue("1s") Duration cacheSyncInterval,
		@DefaultValue("5s") Duration expirySweepInterval, @DefaultValue("10s") Duration databaseWait) {

	private static final int MIN_SECRET_LENGTH = 32;

	public KeyManagerProperties {
		// an empty KEYS_QUOTA_ZONE (as in a copied .env) means the default; a bad one
		// stops start-up
		quotaZoneId = (quotaZoneId == null || quotaZoneId.isBlank()) ? "UTC" : ZoneId.of(quotaZoneId.strip()).getId();
		SuperAdminKeyRules.check(superAdminApiKey);
		if (internalJwtSecret == null || internalJwtSecret.length() < MIN_SECRET_LENGTH) {
			throw new IllegalArgumentException("INTERNAL_JWT_SECRET is missing or shorter than " + MIN_SECRET_LENGTH
					+ " characters; every service of the suite must share the same value."
					+ " Generate one with: openssl rand -base64 48");
		}
	}

	/** The zone whose midnight resets daily quotas. */
	public ZoneId quotaZone() {
		return ZoneId.of(this.quotaZoneId);
	}

	@Override
	public String toString() {
		return "KeyManagerProperties[quotaZone=" + this.quotaZoneId + ", jwtAudience=" + this.jwtAudience + "]";
	}

}
