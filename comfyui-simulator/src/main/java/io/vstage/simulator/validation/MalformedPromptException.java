package io.vstage.simulator.validation;

/** A body the validator does not anticipate; ComfyUI answers it with a 500. */
public final class MalformedPromptException extends RuntimeException {

	MalformedPromptException(String message) {
		super(message);
	}

}
