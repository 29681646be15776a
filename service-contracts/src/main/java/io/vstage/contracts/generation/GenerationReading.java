package io.vstage.contracts.generation;

/**
 * What reading a generation request gave: the request, or why it is refused.
 */
public sealed interface GenerationReading {

	/** A request both services read the same way. */
	record Admissible(GenerationRequest request) implements GenerationReading {
	}

	/** A request refused before anything is charged or made. */
	record Refused(Refusal refusal) implements GenerationReading {
	}

}
