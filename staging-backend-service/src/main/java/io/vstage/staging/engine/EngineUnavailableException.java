package io.vstage.staging.engine;

/**
 * An engine could not be reached or answered with a server error.
 */
public class EngineUnavailableException extends RuntimeException {

	public EngineUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	public EngineUnavailableException(String message) {
		super(message);
	}

}
