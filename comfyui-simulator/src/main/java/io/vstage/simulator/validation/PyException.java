package io.vstage.simulator.validation;

/**
 * A Python exception that ComfyUI's validator would raise and catch, carrying its type
 * and {@code str(ex)} so that the error objects read as they do on a real server.
 */
final class PyException extends RuntimeException {

	private final String type;

	PyException(String type, String message) {
		super(message, null, false, false);
		this.type = type;
	}

	String type() {
		return this.type;
	}

	static PyException keyError(String pythonRepr) {
		return new PyException("KeyError", pythonRepr);
	}

}
