package io.vstage.simulator.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Model folders and the files each one lists, as {@code GET /models/{folder}} reports
 * them.
 */
public final class ModelLists {

	private final List<String> folders;

	private final Map<String, List<String>> files = new ConcurrentHashMap<>();

	private final Map<String, Map<String, String>> comboInputs;

	private ModelLists(List<String> folders, Map<String, Map<String, String>> comboInputs) {
		this.folders = folders;
		this.comboInputs = comboInputs;
	}

	/** The default lists: exactly the files that the project's workflows need. */
	public static ModelLists defaults(JsonMapper mapper) {
		JsonNode data;
		try (InputStream in = ModelLists.class.getResourceAsStream("/simulator/models.json")) {
			data = mapper.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> folders = new ArrayList<>();
		data.path("folders").values().forEach((f) -> folders.add(f.asString()));
		Map<String, Map<String, String>> combos = new LinkedHashMap<>();
		data.path("combo_inputs").properties().forEach((cls) -> {
			Map<String, String> inputs = new LinkedHashMap<>();
			cls.getValue().properties().forEach((in) -> inputs.put(in.getKey(), in.getValue().asString()));
			combos.put(cls.getKey(), inputs);
		});
		ModelLists lists = new ModelLists(folders, combos);
		data.path("defaults").properties().forEach((e) -> {
			List<String> names = new ArrayList<>();
			e.getValue().values().forEach((n) -> names.add(n.asString()));
			lists.set(e.getKey(), names);
		});
		return lists;
	}

	/** Replaces the file list of one folder (the folder is registered if new). */
	public void set(String folder, List<String> names) {
		if (!this.folders.contains(folder)) {
			this.folders.add(folder);
		}
		this.files.put(folder, List.copyOf(new TreeSet<>(names)));
	}

	/**
	 * Replaces the lists with the files found under {@code dir/<folder>/}, recursively.
	 */
	public void loadDirectory(Path dir) {
		try (Stream<Path> subdirs = Files.list(dir)) {
			for (Path folder : subdirs.filter(Files::isDirectory).toList()) {
				try (Stream<Path> walk = Files.walk(folder)) {
					set(folder.getFileName().toString(),
							walk.filter(Files::isRegularFile)
								.map((p) -> folder.relativize(p).toString().replace('\\', '/'))
								.toList());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** All registered folder names, in ComfyUI's order. */
	public List<String> folders() {
		return Collections.unmodifiableList(this.folders);
	}

	/** The sorted files of a folder; empty when the folder is unknown. */
	public Optional<List<String>> files(String folder) {
		if (!this.folders.contains(folder)) {
			return Optional.empty();
		}
		return Optional.of(this.files.getOrDefault(folder, List.of()));
	}

	/** The model folder that fills a combo input, if it is a model-file combo. */
	Optional<String> folderFor(String classType, String input) {
		return Optional.ofNullable(this.comboInputs.getOrDefault(classType, Map.of()).get(input));
	}

}
