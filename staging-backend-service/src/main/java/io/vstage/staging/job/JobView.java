package io.vstage.staging.job;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A job as the API shows it (DESIGN.md section 3).
 */
record JobView(String id, String status, String roomType, String style, String workflow, int numImages, int inputCount,
		@Nullable String label, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
		@Nullable Integer queuePosition, int progress, List<ImageView> images, List<String> inputUrls,
		@Nullable String error, Links links) {

	JobView {
		images = List.copyOf(images);
		inputUrls = List.copyOf(inputUrls);
	}

	/** One variation. */
	record ImageView(int index, int inputIndex, String status, long seed, @Nullable String url,
			@Nullable String jpegUrl, @Nullable String thumbnailUrl, @Nullable String error,
			@Nullable Instant submittedAt, @Nullable Instant finishedAt) {
	}

	/** Where to go next. */
	record Links(String self, String events, String cancel) {
	}

}
