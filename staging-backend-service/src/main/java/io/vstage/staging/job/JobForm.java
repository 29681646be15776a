package io.vstage.staging.job;

import org.jspecify.annotations.Nullable;

/**
 * The text fields of a job request, as sent in the multipart form.
 */
record JobForm(@Nullable String roomType, @Nullable String style, @Nullable String prompt,
		@Nullable String negativePrompt, @Nullable Integer numImages, @Nullable Long seed, @Nullable String workflow,
		@Nullable String label, @Nullable String webhookUrl) {

}
