package io.vstage.simulator;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.vstage.simulator.catalog.CatalogSnapshot;
import io.vstage.simulator.catalog.ModelLists;
import io.vstage.simulator.execution.Engine;
import io.vstage.simulator.execution.MessageBus;
import io.vstage.simulator.execution.PromptQueue;
import io.vstage.simulator.files.FileStore;
import io.vstage.simulator.http.Request;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the HTTP endpoints of one server run need.
 *
 * @param mapper JSON
 * @param profile the version profile
 * @param files the folders
 * @param models the model lists
 * @param catalog the current catalogue
 * @param queue the prompt queue and history
 * @param engine the worker
 * @param bus the WebSocket bus
 * @param faults the fault plan (body limit)
 * @param timings records queue times
 * @param corsOrigin the {@code --enable-cors-header} origin; empty for the default origin
 * check
 * @param v3ComboForm whether V3 nodes serve {@code ["COMBO", {options}]}
 * @param argv the command line reported by {@code /system_stats}
 */
record ServerContext(JsonMapper mapper, Profile profile, FileStore files, ModelLists models,
		Supplier<CatalogSnapshot> catalog, PromptQueue queue, Engine engine, MessageBus bus, Faults faults,
		Timings timings, Optional<String> corsOrigin, boolean v3ComboForm, List<String> argv) {

	/**
	 * Parses a JSON body the way Python's {@code json.loads} would: an empty body is an
	 * error (a 500).
	 */
	JsonNode readJson(Request request) {
		JsonNode body = this.mapper.readTree(request.body());
		if (body == null || body.isMissingNode()) {
			throw new IllegalArgumentException("empty JSON body");
		}
		return body;
	}

	boolean newer() {
		return this.profile == Profile.NEWER;
	}

}
