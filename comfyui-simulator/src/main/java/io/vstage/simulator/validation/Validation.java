package io.vstage.simulator.validation;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/** The outcome of validating a prompt. */
public sealed interface Validation permits Validation.Accepted, Validation.Rejected {

	/**
	 * At least one output validated: the prompt is queued with those outputs.
	 *
	 * @param prompt the validated graph with coerced scalars, as history stores it
	 * @param outputs the output node ids that passed, in prompt order
	 * @param nodeErrors errors of the skipped outputs (may be empty)
	 */
	record Accepted(ObjectNode prompt, List<String> outputs, ObjectNode nodeErrors) implements Validation {
	}

	/**
	 * Nothing can run: the 400 body's {@code error} and {@code node_errors}.
	 *
	 * @param error the error object
	 * @param nodeErrors per-node errors
	 */
	record Rejected(ObjectNode error, ObjectNode nodeErrors) implements Validation {
	}

}
