package io.vstage.keys.key;

import java.util.Locale;

/** What happened to a key, as reported by the change feed. */
public enum KeyChangeKind {

	CREATED, UPDATED, ROTATED, REVOKED, DELETED, EXPIRED;

	/** The wire name, as in JSON. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
