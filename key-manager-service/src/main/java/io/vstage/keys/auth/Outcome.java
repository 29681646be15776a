package io.vstage.keys.auth;

import java.util.Locale;

/** Result of authenticating a presented key. */
enum Outcome {

	VALID, UNKNOWN, REVOKED, EXPIRED, MALFORMED;

	String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
