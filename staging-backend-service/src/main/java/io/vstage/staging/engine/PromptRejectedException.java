package io.vstage.staging.engine;

/**
 * {@code POST /prompt} refused the workflow; the message names the node and input at
 * fault.
 */
public class PromptRejectedException extends RuntimeException {

	public PromptRejectedException(String message) {
		super(message);
	}

}
