package io.vstage.contracts.generation;

import java.util.Map;
import java.util.Optional;

/**
 * A generation request as the suite reads it.
 *
 * @param api the endpoint it came to
 * @param fields the text fields, each given once (the {@code wait} option included)
 * @param photos how many photos it carries
 * @param numImages the images asked for each photo
 */
public record GenerationRequest(GenerationApi api, Map<String, String> fields, int photos, int numImages) {

	/** The most images one photo may ask for. */
	public static final int MAX_NUM_IMAGES = 10;

	public GenerationRequest {
		fields = Map.copyOf(fields);
	}

	/** The quota units: images asked for each photo, times the photos. */
	public int units() {
		return this.numImages * this.photos;
	}

	/** A text field's value, if it was given. */
	public Optional<String> field(String name) {
		return Optional.ofNullable(this.fields.get(name));
	}

}
