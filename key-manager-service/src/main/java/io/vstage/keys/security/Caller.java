package io.vstage.keys.security;

import java.util.Objects;

import io.vstage.keys.key.KeyRole;
import org.jspecify.annotations.Nullable;

/**
 * Who calls, from the internal JWT, and from where (the gateway's forwarded address).
 *
 * @param subject the key id, {@code superadmin} or {@code service:<name>}
 * @param role the caller's role
 * @param clientAddress the end client's address when known
 */
public record Caller(String subject, KeyRole role, @Nullable String clientAddress) {

	/** Subject of the super admin key. */
	public static final String SUPERADMIN = "superadmin";

	public Caller {
		Objects.requireNonNull(subject, "subject == null");
		Objects.requireNonNull(role, "role == null");
	}

	public boolean isSuperAdmin() {
		return this.role == KeyRole.SUPERADMIN;
	}

}
