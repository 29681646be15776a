package io.vstage.simulator.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Node classes in ComfyUI's {@code /object_info} format, loaded from data. */
public final class NodeCatalog {

	/**
	 * The catalogue bundled with the simulator: every class the project's workflows use.
	 */
	public static final String DEFAULT_RESOURCE = "/simulator/object_info.json";

	private final ObjectNode classes;

	private NodeCatalog(ObjectNode classes) {
		this.classes = classes;
	}

	/** Loads a catalogue from a classpath resource. */
	public static NodeCatalog fromResource(JsonMapper mapper, String resource) {
		try (InputStream in = NodeCatalog.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("no catalogue resource " + resource);
			}
			return new NodeCatalog((ObjectNode) mapper.readTree(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Loads a catalogue from a file, e.g. a real server's saved {@code /object_info}. */
	public static NodeCatalog fromFile(JsonMapper mapper, Path file) {
		try {
			return new NodeCatalog((ObjectNode) mapper.readTree(Files.readAllBytes(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** This catalogue plus the classes of another one (the other wins on a clash). */
	public NodeCatalog plus(NodeCatalog other) {
		ObjectNode merged = this.classes.deepCopy();
		other.classes.properties().forEach((e) -> merged.set(e.getKey(), e.getValue().deepCopy()));
		return new NodeCatalog(merged);
	}

	/**
	 * The catalogue as a server with these files would describe it.
	 * @param models the model lists that replace model-file combos
	 * @param inputImages the image files at the top level of the input folder, sorted
	 * @return a snapshot safe to read and serialize
	 */
	public CatalogSnapshot snapshot(ModelLists models, List<String> inputImages) {
		ObjectNode copy = this.classes.deepCopy();
		for (Map.Entry<String, JsonNode> cls : copy.properties()) {
			JsonNode required = cls.getValue().path("input").path("required");
			for (Map.Entry<String, JsonNode> input : required.properties()) {
				models.folderFor(cls.getKey(), input.getKey())
					.flatMap(models::files)
					.ifPresent((files) -> replaceOptions(input.getValue(), files));
			}
		}
		JsonNode loadImage = copy.path("LoadImage").path("input").path("required").path("image");
		if (loadImage.isArray()) {
			replaceOptions(loadImage, inputImages);
		}
		return new CatalogSnapshot(copy);
	}

	private static void replaceOptions(JsonNode spec, List<String> options) {
		ArrayNode list = JsonNodeFactory.instance.arrayNode();
		options.forEach(list::add);
		((ArrayNode) spec).set(0, list);
	}

}
