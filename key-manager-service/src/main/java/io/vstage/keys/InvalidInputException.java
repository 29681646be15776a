package io.vstage.keys;

/**
 * A field that passed its own checks but breaks a rule across fields or against the
 * clock.
 */
public class InvalidInputException extends RuntimeException {

	private final String field;

	public InvalidInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
