package io.vstage.simulator;

import io.vstage.simulator.http.Reply;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code /object_info}, {@code /models}, {@code /system_stats} and {@code /features}. */
final class InfoEndpoints {

	/**
	 * The device name that tells clients this engine is simulated (documented in
	 * docs/CONTRACTS.md).
	 */
	static final String SIMULATED_DEVICE = "Simulated CPU (vstage comfyui-simulator)";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final ServerContext ctx;

	InfoEndpoints(ServerContext ctx) {
		this.ctx = ctx;
	}

	Reply objectInfo() {
		return json(this.ctx.catalog().get().objectInfo(this.ctx.v3ComboForm()));
	}

	Reply objectInfo(String classType) {
		return json(this.ctx.catalog().get().objectInfo(classType, this.ctx.v3ComboForm()));
	}

	Reply modelFolders() {
		ArrayNode folders = NODES.arrayNode();
		this.ctx.models().folders().forEach(folders::add);
		return json(folders);
	}

	Reply models(String folder) {
		return this.ctx.models().files(folder).<Reply>map((files) -> {
			ArrayNode list = NODES.arrayNode();
			files.forEach(list::add);
			return json(list);
		}).orElseGet(() -> Reply.empty(404));
	}

	Reply systemStats() {
		ObjectNode body = NODES.objectNode();
		ObjectNode system = body.putObject("system");
		Runtime rt = Runtime.getRuntime();
		system.put("os", this.ctx.newer() ? "linux" : "posix");
		system.put("ram_total", rt.maxMemory());
		system.put("ram_free", rt.maxMemory() - rt.totalMemory() + rt.freeMemory());
		system.put("comfyui_version", this.ctx.profile().comfyUiVersion());
		system.put("required_frontend_version", "1.27.10");
		system.put("installed_templates_version", "0.1.94");
		system.put("required_templates_version", "0.1.94");
		system.put("python_version",
				"3.12.3 (simulated by vstage comfyui-simulator on Java " + Runtime.version().feature() + ")");
		system.put("pytorch_version", "simulated");
		system.put("embedded_python", false);
		ArrayNode argv = system.putArray("argv");
		this.ctx.argv().forEach(argv::add);
		if (this.ctx.newer()) {
			system.putObject("comfy_package_versions");
			system.put("deploy_environment", "simulated");
		}
		ObjectNode device = body.putArray("devices").addObject();
		device.put("name", SIMULATED_DEVICE);
		device.put("type", "cpu");
		device.putNull("index");
		device.put("vram_total", rt.maxMemory());
		device.put("vram_free", rt.freeMemory());
		device.put("torch_vram_total", 0);
		device.put("torch_vram_free", 0);
		return json(body);
	}

	Reply features() {
		return json(features(this.ctx.profile(), this.ctx.faults()));
	}

	/**
	 * The server feature flags, also sent in reply to a client's {@code feature_flags}.
	 */
	static ObjectNode features(Profile profile, Faults faults) {
		ObjectNode flags = NODES.objectNode();
		flags.put("supports_preview_metadata", true);
		if (faults.uploadLimitConfigured()) {
			// --max-upload-size is parsed as a float MB value, so ComfyUI reports e.g.
			// 209715200.0
			flags.put("max_upload_size", (double) faults.maxUploadBytes());
		}
		else {
			flags.put("max_upload_size", faults.maxUploadBytes());
		}
		if (profile == Profile.NEWER) {
			flags.put("supports_model_type_tags", true);
			flags.putObject("extension").putObject("manager").put("supports_v4", true);
			flags.put("node_replacements", true);
			flags.put("assets", false);
		}
		return flags;
	}

	private Reply json(JsonNode body) {
		return Reply.json(200, this.ctx.mapper().writeValueAsString(body));
	}

}
