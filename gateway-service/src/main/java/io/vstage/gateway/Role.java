package io.vstage.gateway;

import java.util.Locale;

/**
 * Roles of API keys, highest last: {@code superadmin} > {@code admin} > {@code user}.
 */
public enum Role {

	/** Stages rooms and sees its own usage. */
	USER,

	/** Also issues and manages {@code user} keys. */
	ADMIN,

	/** The bootstrap key: everything. */
	SUPERADMIN;

	/** Whether this role may do what {@code required} may do. */
	public boolean includes(Role required) {
		return ordinal() >= required.ordinal();
	}

	/** The wire name: {@code user}, {@code admin}, {@code superadmin}. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses a wire name, case-insensitively. */
	public static Role fromWireName(String name) {
		return valueOf(name.toUpperCase(Locale.ROOT));
	}

}
