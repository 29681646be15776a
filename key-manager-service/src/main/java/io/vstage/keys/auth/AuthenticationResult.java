package io.vstage.keys.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an authentication request.
 *
 * @param outcome valid, unknown, revoked, expired or malformed
 * @param keyHash hex SHA-256 of the presented key (the gateway's cache key)
 * @param principal present only when valid
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AuthenticationResult(String outcome, String keyHash, @Nullable Principal principal) {

	static AuthenticationResult of(Outcome outcome, String keyHash) {
		return new AuthenticationResult(outcome.wireName(), keyHash, null);
	}

	static AuthenticationResult valid(String keyHash, Principal principal) {
		return new AuthenticationResult(Outcome.VALID.wireName(), keyHash, principal);
	}

}
