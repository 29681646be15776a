package io.vstage.contracts.access;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The key a resource belongs to (a job, an image, usage), or the key acted on.
 *
 * @param keyId the key's id
 * @param role the key's role
 * @param issuedBy the id of the key that issued it, when known
 */
public record KeyOwner(String keyId, Role role, @Nullable String issuedBy) {

	public KeyOwner {
		Objects.requireNonNull(keyId, "keyId");
		Objects.requireNonNull(role, "role");
	}

}
