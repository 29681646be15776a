package io.vstage.contracts.access;

/**
 * The one definition of who may act on whose resources (DESIGN.md, "Who may act on
 * what"), used by the key manager for keys and usage and by the staging backend for jobs
 * and their images.
 */
public final class Access {

	private Access() {
	}

	/** Whose resources the actor reaches. */
	public static Reach reachOf(Actor actor) {
		return switch (actor.role()) {
			case SUPERADMIN -> new Reach.Everything();
			case ADMIN -> new Reach.OwnAndIssued(actor.keyId());
			case USER -> new Reach.Own(actor.keyId());
			case SERVICE -> new Reach.Nothing();
		};
	}

	/** Whether the actor may read or act on a resource that belongs to this key. */
	public static boolean mayActOn(Actor actor, KeyOwner owner) {
		return reachOf(actor).includes(owner);
	}

	/**
	 * Whether the actor manages this key itself (edit, rotate, revoke): the super admin
	 * any key, an admin the user keys it issued, nobody their own key.
	 */
	public static boolean manages(Actor actor, KeyOwner key) {
		return switch (reachOf(actor)) {
			case Reach.Everything everything -> true;
			case Reach.OwnAndIssued admin -> admin.issued(key);
			case Reach.Own own -> false;
			case Reach.Nothing nothing -> false;
		};
	}

}
