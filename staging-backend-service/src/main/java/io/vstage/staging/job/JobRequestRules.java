package io.vstage.staging.job;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.vstage.staging.StagingProblem;
import io.vstage.staging.StagingProperties;
import io.vstage.staging.catalog.WorkflowCatalog;
import io.vstage.staging.webhook.WebhookUrlPolicy;

/**
 * The field rules of a job request; every violation is a 4xx problem naming the field.
 */
@Component
class JobRequestRules {

	private final WorkflowCatalog catalog;

	private final WebhookUrlPolicy webhooks;

	private final StagingProperties properties;

	JobRequestRules(WorkflowCatalog catalog, WebhookUrlPolicy webhooks, StagingProperties properties) {
		this.catalog = catalog;
		this.webhooks = webhooks;
		this.properties = properties;
	}

	/**
	 * The job a request describes; its photos and {@code num_images} were read and
	 * checked by {@link GenerationIntake}.
	 */
	JobSpec check(JobForm form, int photos, long seed) {
		if (photos > this.properties.maxFiles()) {
			throw new StagingProblem(HttpStatus.BAD_REQUEST, "too-many-files",
					"At most " + this.properties.maxFiles() + " files may be sent in one job.");
		}
		String roomType = required(form.roomType(), "room_type");
		if (!this.catalog.hasRoomType(roomType)) {
			throw invalid("unknown-room-type", "room_type '" + roomType + "' is unknown; see the catalog.");
		}
		String style = required(form.style(), "style");
		if (!this.catalog.hasStyle(style)) {
			throw invalid("unknown-style", "style '" + style + "' is unknown; see the catalog.");
		}
		String workflow = (form.workflow() != null && !form.workflow().isBlank()) ? form.workflow()
				: this.properties.defaultWorkflow();
		if (this.catalog.workflow(workflow).isEmpty()) {
			throw invalid("unknown-workflow", "workflow '" + workflow + "' is unknown; see the catalog.");
		}
		int numImages = form.numImages();
		checkLength(form.prompt(), "prompt");
		checkLength(form.negativePrompt(), "negative_prompt");
		if (seed < 0) {
			throw invalid("seed-out-of-range", "seed must be zero or positive.");
		}
		if (form.label() != null && form.label().length() > 100) {
			throw invalid("label-too-long", "label must be at most 100 characters.");
		}
		String webhook = blankToNull(form.webhookUrl());
		if (webhook != null) {
			this.webhooks.check(webhook);
		}
		return new JobSpec(roomType, style, workflow, blankToNull(form.prompt()), blankToNull(form.negativePrompt()),
				numImages, seed, blankToNull(form.label()), webhook);
	}

	private void checkLength(@Nullable String text, String field) {
		if (text != null && text.length() > this.properties.maxPromptLength()) {
			throw invalid("prompt-too-long",
					field + " must be at most " + this.properties.maxPromptLength() + " characters.");
		}
	}

	private static String required(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			throw invalid("missing-field", field + " is required.");
		}
		return value.strip();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static StagingProblem invalid(String slug, String detail) {
		return new StagingProblem(HttpStatus.UNPROCESSABLE_CONTENT, slug, detail);
	}

}
