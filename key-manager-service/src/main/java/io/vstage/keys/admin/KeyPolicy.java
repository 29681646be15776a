package io.vstage.keys.admin;

import io.vstage.contracts.access.Access;
import io.vstage.contracts.access.Actor;
import io.vstage.contracts.access.KeyOwner;
import io.vstage.contracts.access.Role;
import io.vstage.keys.key.KeyRole;
import io.vstage.keys.security.Caller;
import org.jspecify.annotations.Nullable;

/**
 * The role table of the design, in one place.
 * <ul>
 * <li>users: only their own {@code /me};</li>
 * <li>admins: create {@code user} keys, list and view keys and their usage, and edit,
 * rotate and revoke {@code user} keys they created (the keys they may manage are the keys
 * they see; who manages which key is the suite's one rule, {@code Access.manages});</li>
 * <li>the super admin: everything above on any key, plus creating {@code admin} keys,
 * deleting keys and reading the audit log;</li>
 * <li>no one creates a {@code superadmin} key, and {@code service} callers have no admin
 * rights.</li>
 * </ul>
 */
final class KeyPolicy {

	private KeyPolicy() {
	}

	/**
	 * Whether the caller may do the action; {@code target} is the key acted on (null for
	 * actions on no particular key).
	 */
	static boolean allows(Caller caller, KeyAction action, @Nullable Target target) {
		return switch (caller.role()) {
			case SUPERADMIN -> action != KeyAction.CREATE_SUPERADMIN_KEY;
			case ADMIN -> adminAllows(caller, action, target);
			case USER, SERVICE -> false;
		};
	}

	private static boolean adminAllows(Caller caller, KeyAction action, @Nullable Target target) {
		return switch (action) {
			case CREATE_USER_KEY, LIST -> true;
			case VIEW, VIEW_USAGE, EDIT, ROTATE, REVOKE ->
				target != null && Access.manages(actor(caller), target.owner());
			case CREATE_ADMIN_KEY, CREATE_SUPERADMIN_KEY, DELETE, READ_AUDIT -> false;
		};
	}

	/** The action of creating a key with this role. */
	static KeyAction creating(KeyRole role) {
		return switch (role) {
			case USER -> KeyAction.CREATE_USER_KEY;
			case ADMIN -> KeyAction.CREATE_ADMIN_KEY;
			case SUPERADMIN, SERVICE -> KeyAction.CREATE_SUPERADMIN_KEY;
		};
	}

	/**
	 * What the policy needs to know about a key.
	 *
	 * @param keyId the key's id
	 * @param role the key's role
	 * @param createdBy who issued it
	 */
	record Target(String keyId, KeyRole role, String createdBy) {

		KeyOwner owner() {
			return new KeyOwner(this.keyId, KeyPolicy.role(this.role), this.createdBy);
		}

	}

	/** The caller as the suite's access rule sees it. */
	private static Actor actor(Caller caller) {
		return new Actor(caller.subject(), role(caller.role()));
	}

	private static Role role(KeyRole role) {
		return Role.valueOf(role.name());
	}

}
