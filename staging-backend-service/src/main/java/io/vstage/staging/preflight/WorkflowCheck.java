package io.vstage.staging.preflight;

import java.util.List;

import io.vstage.staging.catalog.ModelRef;

/**
 * Whether one instance can run one workflow, and what it lacks, by name.
 */
record WorkflowCheck(boolean ok, List<String> missingNodes, List<ModelRef> missingModels, String problem) {

	WorkflowCheck {
		missingNodes = List.copyOf(missingNodes);
		missingModels = List.copyOf(missingModels);
	}

}
