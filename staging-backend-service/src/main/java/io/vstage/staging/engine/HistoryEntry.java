package io.vstage.staging.engine;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A finished prompt as recorded in {@code /history/{id}}.
 *
 * @param outcome how it ended
 * @param images the images of the requested output nodes
 * @param reason for an error: node, class and message; otherwise {@code null}
 */
public record HistoryEntry(Outcome outcome, List<ImageRef> images, @Nullable String reason) {

	public HistoryEntry {
		images = List.copyOf(images);
	}

	/** How a prompt ended. */
	public enum Outcome {

		SUCCESS, ERROR, INTERRUPTED

	}

}
