package io.vstage.contracts.token;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.vstage.contracts.access.Role;

/**
 * Who a token speaks for.
 *
 * @param subject the key id, {@code superadmin}, or {@code service:<name>}
 * @param role the role
 * @param email the key owner's e-mail, if any
 * @param name the key's name, if any
 * @param issuedBy who issued the key, if known
 */
public record Identity(String subject, Role role, @Nullable String email, @Nullable String name,
		@Nullable String issuedBy) {

	public Identity {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(role, "role");
		if ((role == Role.SERVICE) != subject.startsWith(InternalTokenVerifier.SERVICE_PREFIX)) {
			throw new IllegalArgumentException("A service's subject is service:<name>, and only a service's is");
		}
	}

	/** Another service, {@code service:<name>}. */
	public static Identity service(String name) {
		return new Identity(InternalTokenVerifier.SERVICE_PREFIX + name, Role.SERVICE, null, null, null);
	}

}
