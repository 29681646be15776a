package io.vstage.keys.key;

import java.util.Locale;

/** Lifecycle of a key. */
public enum KeyStatus {

	ACTIVE, REVOKED, EXPIRED;

	/** The wire name, as in JSON. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
