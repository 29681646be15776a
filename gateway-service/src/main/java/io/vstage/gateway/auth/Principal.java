package io.vstage.gateway.auth;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.vstage.gateway.Role;
import io.vstage.gateway.keymanager.AuthenticationAnswer.PrincipalView;

/**
 * Who an authenticated request comes from.
 *
 * @param keyId the key id, or {@code superadmin}
 * @param role the key's role
 * @param name the key's name
 * @param email the owner's email
 * @param rateLimitPerMinute requests per minute
 * @param dailyQuota units per day, {@code null} when unlimited
 * @param remainingToday units left when the key manager answered, {@code null} when
 * unlimited
 * @param resetsAt when the daily quota resets
 * @param validUntil the cached answer must not be served after this instant
 * @param issuedBy the key id of whoever issued the key, {@code null} for the super admin
 */
public record Principal(String keyId, Role role, @Nullable String name, @Nullable String email, int rateLimitPerMinute,
		@Nullable Integer dailyQuota, @Nullable Integer remainingToday, @Nullable Instant resetsAt,
		@Nullable Instant validUntil, @Nullable String issuedBy) {

	/** A principal whose issuer is not known (the super admin, tests). */
	static Principal from(PrincipalView view) {
		Instant validUntil = view.validUntil();
		if (view.expiresAt() != null && (validUntil == null || view.expiresAt().isBefore(validUntil))) {
			validUntil = view.expiresAt();
		}
		return new Principal(view.keyId(), Role.fromWireName(view.role()), view.name(), view.email(),
				view.rateLimitPerMinute(), view.dailyQuota(), view.remainingToday(), view.resetsAt(), validUntil,
				view.issuedBy());
	}

	/** Whether the quota is unlimited (the super admin). */
	public boolean unlimited() {
		return this.dailyQuota == null;
	}

}
