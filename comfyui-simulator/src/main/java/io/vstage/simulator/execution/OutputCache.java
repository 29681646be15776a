package io.vstage.simulator.execution;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ComfyUI's classic output cache: a node's outputs are reused while its class, literal
 * inputs, upstream signatures and (for LoadImage) the file's hash stay the same; only the
 * entries of the latest prompt are kept.
 */
final class OutputCache {

	/**
	 * What a node produced.
	 *
	 * @param values the output values, by index
	 * @param ui the UI output ({@code {"images": [...]}}), when the node has one
	 */
	record Entry(List<Object> values, Optional<ObjectNode> ui) {
	}

	private final Map<String, Entry> entries = new HashMap<>();

	synchronized Optional<Entry> get(String signature) {
		return Optional.ofNullable(this.entries.get(signature));
	}

	synchronized void put(String signature, Entry entry) {
		this.entries.put(signature, entry);
	}

	synchronized void retainOnly(Set<String> signatures) {
		this.entries.keySet().retainAll(signatures);
	}

	/**
	 * Signatures of every node of a prompt.
	 * @param prompt the graph
	 * @param fileHash the content hash behind a LoadImage's image name
	 * @return node id to signature
	 */
	static Map<String, String> signatures(ObjectNode prompt, Function<String, String> fileHash) {
		Map<String, String> signatures = new HashMap<>();
		for (String id : prompt.propertyNames()) {
			signature(prompt, id, fileHash, signatures);
		}
		return signatures;
	}

	private static String signature(ObjectNode prompt, String id, Function<String, String> fileHash,
			Map<String, String> memo) {
		String known = memo.get(id);
		if (known != null) {
			return known;
		}
		JsonNode node = prompt.get(id);
		String classType = node.path("class_type").asString();
		StringBuilder sb = new StringBuilder(classType).append('{');
		Map<String, JsonNode> sorted = new TreeMap<>();
		node.path("inputs").properties().forEach((e) -> sorted.put(e.getKey(), e.getValue()));
		sorted.forEach((name, value) -> {
			sb.append(name).append('=');
			if (value.isArray() && value.size() == 2 && prompt.has(value.get(0).asString(""))) {
				sb.append('<')
					.append(signature(prompt, value.get(0).asString(), fileHash, memo))
					.append('#')
					.append(value.get(1))
					.append('>');
			}
			else {
				sb.append(value);
			}
			sb.append(';');
		});
		if ("LoadImage".equals(classType)) {
			sb.append("sha256=").append(fileHash.apply(node.path("inputs").path("image").asString("")));
		}
		String signature = sb.append('}').toString();
		memo.put(id, signature);
		return signature;
	}

}
