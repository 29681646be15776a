package io.vstage.simulator.catalog;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One declared input: {@code [type]} or {@code [type, {options}]}, where a combo's type
 * is its option list.
 *
 * @param name the input name
 * @param required whether it is in {@code required}
 * @param spec the raw spec array
 */
public record InputSpec(String name, boolean required, JsonNode spec) {

	/** Whether the type is an option list. */
	public boolean combo() {
		return this.spec.path(0).isArray();
	}

	/** The type name of a non-combo input ({@code INT}, {@code IMAGE}…). */
	public String typeName() {
		return this.spec.path(0).asString("");
	}

	/** The raw type: a string, or the option list of a combo. */
	public JsonNode type() {
		return this.spec.path(0);
	}

	/** The combo's options. */
	public List<String> options() {
		List<String> options = new ArrayList<>();
		this.spec.path(0).values().forEach((o) -> options.add(o.asString()));
		return options;
	}

	/**
	 * The options object ({@code min}, {@code max}, {@code default}…), empty when absent.
	 */
	public JsonNode extra() {
		JsonNode extra = this.spec.path(1);
		return extra.isObject() ? extra : JsonNodeFactory.instance.objectNode();
	}

}
