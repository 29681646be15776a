package io.vstage.staging.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.core.io.Resource;

/**
 * Room types, styles and the default negative prompt from {@code styles.yaml}.
 */
record StyleCatalog(Map<String, Entry> roomTypes, Map<String, Entry> styles, String defaultNegativePrompt,
		String defaultRoomType) {

	static StyleCatalog read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			return new StyleCatalog(entries(yaml.get("room_types")), entries(yaml.get("styles")),
					String.valueOf(yaml.getOrDefault("default_negative_prompt", "")),
					String.valueOf(yaml.getOrDefault("default_room_type", "living_room")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource.getDescription(), ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Entry> entries(Object list) {
		Map<String, Entry> entries = new LinkedHashMap<>();
		for (Map<String, Object> item : (List<Map<String, Object>>) list) {
			String id = String.valueOf(item.get("id"));
			entries.put(id, new Entry(id, String.valueOf(item.get("name")), String.valueOf(item.get("prompt"))));
		}
		return Collections.unmodifiableMap(entries);
	}

	/** One room type or style. */
	record Entry(String id, String name, String prompt) {

	}

}
