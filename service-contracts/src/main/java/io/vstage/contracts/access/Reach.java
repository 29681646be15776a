package io.vstage.contracts.access;

/**
 * Whose resources an actor reaches; a repository turns it into its query, a check into
 * {@link #includes(KeyOwner)}.
 */
public sealed interface Reach {

	/** Whether a resource of this key is within reach. */
	boolean includes(KeyOwner owner);

	/** The super admin: every key's. */
	record Everything() implements Reach {

		@Override
		public boolean includes(KeyOwner owner) {
			return true;
		}

	}

	/** An admin: its own and those of the user keys it issued. */
	record OwnAndIssued(String keyId) implements Reach {

		@Override
		public boolean includes(KeyOwner owner) {
			return this.keyId.equals(owner.keyId()) || issued(owner);
		}

		/** Whether the owner is a user key this admin issued. */
		public boolean issued(KeyOwner owner) {
			return owner.role() == Role.USER && this.keyId.equals(owner.issuedBy());
		}

	}

	/** A user: its own only. */
	record Own(String keyId) implements Reach {

		@Override
		public boolean includes(KeyOwner owner) {
			return this.keyId.equals(owner.keyId());
		}

	}

	/** A service caller: no key's resources through the public API. */
	record Nothing() implements Reach {

		@Override
		public boolean includes(KeyOwner owner) {
			return false;
		}

	}

}
