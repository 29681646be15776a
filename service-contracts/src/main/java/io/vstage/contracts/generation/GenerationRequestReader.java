package io.vstage.contracts.generation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a generation request the one way the suite reads it. The caller feeds it the
 * query string and then every part of the multipart body in order, as its own multipart
 * parser found them (each part's raw {@code Content-Disposition} headers and its text or
 * its size), and asks for the {@link #finish() reading}. Refused:
 * <ul>
 * <li>generation fields in the query string (only {@code wait} may be there);</li>
 * <li>a single-valued field given twice (query and body count together);</li>
 * <li>a part whose disposition could be read two ways (extended or repeated parameters,
 * several {@code Content-Disposition} headers), a photo field sent as text, a text field
 * sent as a file;</li>
 * <li>no photo, an empty photo, several photos where the endpoint takes one, and
 * {@code num_images} that is not a whole number from 1 to 10.</li>
 * </ul>
 * Several photo parts on the staging API are a batch: each asks for {@code num_images}.
 */
public final class GenerationRequestReader {

	private static final Pattern WHOLE_NUMBER = Pattern.compile("\\s*([0-9]{1,9})\\s*");

	private final GenerationApi api;

	private final Map<String, String> fields = new LinkedHashMap<>();

	private int photos;

	private @Nullable Refusal refusal;

	private GenerationRequestReader(GenerationApi api) {
		this.api = api;
	}

	/**
	 * Starts reading a request to the endpoint, with its raw (still encoded) query
	 * string.
	 */
	public static GenerationRequestReader start(GenerationApi api, @Nullable String rawQuery) {
		GenerationRequestReader reader = new GenerationRequestReader(api);
		reader.readQuery(rawQuery);
		return reader;
	}

	/** Whether the request is already refused (the caller may stop reading). */
	public boolean refused() {
		return this.refusal != null;
	}

	/** A part its parser read as a text field. */
	public void text(Collection<String> contentDispositions, String value) {
		PartDisposition part = disposition(contentDispositions);
		if (part == null) {
			return;
		}
		if (part.file()) {
			refuse(Refusal.ambiguous(part.name(), "The part '" + part.name() + "' reads as a file and as text"));
		}
		else if (part.name().equals(this.api.photoField())) {
			refuse(Refusal.ambiguous(part.name(), "'" + part.name() + "' must be a file"));
		}
		else if (this.api.textFields().contains(part.name()) || this.api.isWaitField(part.name())) {
			put(part.name(), value);
		}
	}

	/**
	 * A part its parser read as a file of this many bytes.
	 * @return whether the part is one of the request's photos (the caller keeps those)
	 */
	public boolean file(Collection<String> contentDispositions, long size) {
		PartDisposition part = disposition(contentDispositions);
		if (part == null) {
			return false;
		}
		if (!part.file()) {
			refuse(Refusal.ambiguous(part.name(), "The part '" + part.name() + "' reads as a file and as text"));
		}
		else if (part.name().equals(this.api.photoField())) {
			return addPhoto(size);
		}
		else if (this.api.textFields().contains(part.name()) || this.api.isWaitField(part.name())) {
			refuse(Refusal.ambiguous(part.name(), "'" + part.name() + "' must be a text field, not a file"));
		}
		return false;
	}

	/** The reading of everything fed so far. */
	public GenerationReading finish() {
		if (this.refusal != null) {
			return new GenerationReading.Refused(this.refusal);
		}
		if (this.photos == 0) {
			return new GenerationReading.Refused(Refusal.invalid(this.api.photoField(),
					"The request carries no photo: send it as a file in the field '" + this.api.photoField() + "'"));
		}
		String numImages = this.fields.get("num_images");
		int count = 1;
		if (numImages != null && !numImages.isBlank()) {
			Matcher number = WHOLE_NUMBER.matcher(numImages);
			count = number.matches() ? Integer.parseInt(number.group(1)) : 0;
			if (count < 1 || count > GenerationRequest.MAX_NUM_IMAGES) {
				return new GenerationReading.Refused(Refusal.invalid("num_images",
						"num_images must be a whole number from 1 to " + GenerationRequest.MAX_NUM_IMAGES));
			}
		}
		return new GenerationReading.Admissible(new GenerationRequest(this.api, this.fields, this.photos, count));
	}

	private void readQuery(@Nullable String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return;
		}
		for (String pair : rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = decode((equals < 0) ? "" : pair.substring(equals + 1));
			if (name == null || value == null) {
				refuse(Refusal.badRequest("The query string is not validly encoded"));
				return;
			}
			String lower = name.toLowerCase(Locale.ROOT);
			if (this.api.isWaitField(name)) {
				put(name, value);
			}
			else if (this.api.isGenerationField(lower) || this.api.isWaitField(lower)) {
				refuse(Refusal.ambiguous(name,
						"Generation parameters go in the multipart body, not the query string (" + name + ")"));
			}
		}
	}

	private @Nullable PartDisposition disposition(Collection<String> contentDispositions) {
		if (this.refusal != null) {
			return null;
		}
		if (contentDispositions.size() != 1) {
			refuse(Refusal.badMultipart("A part must have exactly one Content-Disposition header"));
			return null;
		}
		try {
			return PartDisposition.parse(contentDispositions.iterator().next());
		}
		catch (PartDisposition.Unreadable ex) {
			refuse(ex.refusal());
			return null;
		}
	}

	private void put(String name, String value) {
		if (this.fields.putIfAbsent(name, value) != null) {
			refuse(Refusal.ambiguous(name, "'" + name + "' is given more than once"));
		}
	}

	private boolean addPhoto(long size) {
		if (this.photos > 0 && !this.api.severalPhotos()) {
			refuse(Refusal.ambiguous(this.api.photoField(),
					"This endpoint takes one photo in '" + this.api.photoField() + "'"));
			return false;
		}
		if (size <= 0) {
			refuse(Refusal.invalid(this.api.photoField(), "A photo is empty"));
			return false;
		}
		this.photos++;
		return true;
	}

	private void refuse(Refusal refusal) {
		if (this.refusal == null) {
			this.refusal = refusal;
		}
	}

	private static @Nullable String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
