package io.vstage.staging.job;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What was asked for: the parameters every variation of a job shares.
 */
record JobSpec(String roomType, String style, String workflow, @Nullable String prompt, @Nullable String negativePrompt,
		int numImages, long seed, @Nullable String label, @Nullable String webhookUrl) {

	JobSpec {
		Objects.requireNonNull(roomType, "roomType == null");
		Objects.requireNonNull(style, "style == null");
		Objects.requireNonNull(workflow, "workflow == null");
	}

}
