package io.vstage.gateway.keymanager;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The key manager's verdict on a presented key.
 *
 * @param outcome {@code valid}, {@code unknown}, {@code revoked}, {@code expired} or
 * {@code malformed}
 * @param keyHash hex SHA-256 of the key
 * @param principal who the key is, present only when valid
 */
public record AuthenticationAnswer(String outcome, @Nullable String keyHash, @Nullable PrincipalView principal) {

	/**
	 * The key's owner as the key manager describes it.
	 *
	 * @param keyId the key's id, or {@code superadmin}
	 * @param role {@code user}, {@code admin} or {@code superadmin}
	 * @param name the key's name
	 * @param email the owner's email
	 * @param rateLimitPerMinute requests per minute
	 * @param dailyQuota units per day, {@code null} when unlimited
	 * @param remainingToday units left today, {@code null} when unlimited
	 * @param resetsAt when the daily quota resets
	 * @param expiresAt when the key expires
	 * @param validUntil after this instant the answer must not be served from a cache
	 * @param issuedBy the key id of whoever issued the key, {@code null} for the super
	 * admin (and from a key manager that does not send it yet)
	 */
	public record PrincipalView(String keyId, String role, @Nullable String name, @Nullable String email,
			int rateLimitPerMinute, @Nullable Integer dailyQuota, @Nullable Integer remainingToday,
			@Nullable Instant resetsAt, @Nullable Instant expiresAt, @Nullable Instant validUntil,
			@Nullable String issuedBy) {
	}

}
