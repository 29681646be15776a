package io.vstage.contracts.access;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles of the suite, as they travel in the internal token's {@code role} claim.
 */
public enum Role {

	USER, ADMIN, SUPERADMIN,

	/** Another service calling an internal API; never a key's role. */
	SERVICE;

	/** The claim value: the lower-case name. */
	public String claim() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The role a claim value names, if it names one exactly. */
	public static Optional<Role> fromClaim(String claim) {
		for (Role role : values()) {
			if (role.claim().equals(claim)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
