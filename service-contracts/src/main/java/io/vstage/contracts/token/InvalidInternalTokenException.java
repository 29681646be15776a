package io.vstage.contracts.token;

/**
 * A token that is not a valid internal token for this service; the message says which
 * rule it broke (for logs, never for the client).
 */
public class InvalidInternalTokenException extends RuntimeException {

	InvalidInternalTokenException(String reason) {
		super(reason);
	}

	InvalidInternalTokenException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
