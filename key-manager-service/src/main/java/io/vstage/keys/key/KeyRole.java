package io.vstage.keys.key;

import java.util.Locale;

/**
 * Roles a key (or the super admin) holds, from least to most powerful; {@code SERVICE} is
 * for service calls only.
 */
public enum KeyRole {

	USER, ADMIN, SUPERADMIN, SERVICE;

	/** The wire name, as in JSON and in the JWT {@code role} claim. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses a wire name; unknown names are an {@link IllegalArgumentException}. */
	public static KeyRole fromWire(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
