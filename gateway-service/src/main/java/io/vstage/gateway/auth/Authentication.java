package io.vstage.gateway.auth;

/**
 * The result of authenticating a presented key.
 */
public sealed interface Authentication {

	/** The key is valid. */
	record Authenticated(Principal principal) implements Authentication {
	}

	/** The key is not accepted; {@code outcome} is the key manager's word for why. */
	record Refused(String outcome) implements Authentication {
	}

	/**
	 * Nobody can tell right now: the key manager is unreachable and nothing usable is
	 * cached.
	 */
	record Unavailable() implements Authentication {
	}

}
