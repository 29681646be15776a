package io.vstage.keys.admin;

import io.vstage.keys.key.KeyRole;
import io.vstage.keys.security.Caller;
import org.jspecify.annotations.Nullable;

/**
 * The role table of the design, in one place.
 * <ul>
 * <li>users: only their own {@code /me};</li>
 * <li>admins: create {@code user} keys, list and view keys and their usage, and edit,
 * rotate and revoke {@code user} keys they created (the keys they may manage are the keys
 * they see);</li>
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
				target != null && target.role() == KeyRole.USER && target.createdBy().equals(caller.subject());
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
	 * @param role the key's role
	 * @param createdBy who issued it
	 */
	record Target(KeyRole role, String createdBy) {
	}

}
