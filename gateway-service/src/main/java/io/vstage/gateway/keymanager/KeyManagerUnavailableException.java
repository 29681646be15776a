package io.vstage.gateway.keymanager;

/**
 * The key manager could not be reached, timed out, or answered outside its contract.
 */
public class KeyManagerUnavailableException extends RuntimeException {

	public KeyManagerUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	public KeyManagerUnavailableException(String message) {
		super(message);
	}

}
