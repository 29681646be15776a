package io.vstage.staging.job;

import org.jspecify.annotations.Nullable;

import io.vstage.contracts.generation.GenerationRequest;
import io.vstage.contracts.problem.ProblemTypes;
import io.vstage.staging.StagingProblem;

import org.springframework.http.HttpStatus;

/**
 * The text fields of a job request, as read from the multipart form.
 */
record JobForm(@Nullable String roomType, @Nullable String style, @Nullable String prompt,
		@Nullable String negativePrompt, int numImages, @Nullable Long seed, @Nullable String workflow,
		@Nullable String label, @Nullable String webhookUrl) {

	/** The fields of a request read the suite's one way. */
	static JobForm of(GenerationRequest request) {
		return new JobForm(text(request, "room_type"), text(request, "style"), text(request, "prompt"),
				text(request, "negative_prompt"), request.numImages(), seed(text(request, "seed")),
				text(request, "workflow"), text(request, "label"), text(request, "webhook_url"));
	}

	/** The same form with defaults for the fields a client left out. */
	JobForm withDefaults(String defaultRoomType, String defaultStyle) {
		return new JobForm((this.roomType != null) ? this.roomType : defaultRoomType,
				(this.style != null) ? this.style : defaultStyle, this.prompt, this.negativePrompt, this.numImages,
				this.seed, this.workflow, this.label, this.webhookUrl);
	}

	private static @Nullable String text(GenerationRequest request, String field) {
		return request.field(field).filter((value) -> !value.isBlank()).orElse(null);
	}

	private static @Nullable Long seed(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			if (value.strip().matches("[0-9]{1,19}")) {
				return Long.parseLong(value.strip());
			}
		}
		catch (NumberFormatException ex) {
			// past Long.MAX_VALUE: refused below like any other invalid seed
		}
		throw new StagingProblem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.INVALID_FIELD, "seed",
				"seed must be a whole number from 0 to " + Long.MAX_VALUE + ".");
	}

}
