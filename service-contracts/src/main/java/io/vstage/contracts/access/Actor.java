package io.vstage.contracts.access;

import java.util.Objects;

/**
 * Who acts: the key that authenticated the request and its role.
 *
 * @param keyId the key's id ({@code superadmin} for the super admin key)
 * @param role the key's role
 */
public record Actor(String keyId, Role role) {

	public Actor {
		Objects.requireNonNull(keyId, "keyId");
		Objects.requireNonNull(role, "role");
	}

}
