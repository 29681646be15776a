package io.vstage.contracts.generation;

import java.util.Set;

/**
 * The two generation endpoints and their form fields.
 */
public enum GenerationApi {

	/** {@code POST /api/v1/staging/jobs}: one or more photos in {@code image}. */
	STAGING("image", true,
			Set.of("room_type", "style", "prompt", "negative_prompt", "num_images", "seed", "workflow", "label",
					"webhook_url")),

	/**
	 * The first version's {@code POST /api/virtual-staging/generate}: one photo in
	 * {@code file}.
	 */
	LEGACY("file", false, Set.of("num_images", "style", "room_type", "prompt", "seed"));

	/**
	 * How long the caller will wait for the answer; the one field a query string may
	 * carry.
	 */
	public static final String WAIT = "wait";

	private final String photoField;

	private final boolean severalPhotos;

	private final Set<String> textFields;

	GenerationApi(String photoField, boolean severalPhotos, Set<String> textFields) {
		this.photoField = photoField;
		this.severalPhotos = severalPhotos;
		this.textFields = textFields;
	}

	/** The field that carries the photos. */
	public String photoField() {
		return this.photoField;
	}

	/** Whether the photo field may repeat (a batch). */
	public boolean severalPhotos() {
		return this.severalPhotos;
	}

	/** The single-valued text fields. */
	public Set<String> textFields() {
		return this.textFields;
	}

	boolean isWaitField(String name) {
		return this == STAGING && WAIT.equals(name);
	}

	boolean isGenerationField(String name) {
		return this.photoField.equals(name) || this.textFields.contains(name);
	}

}
