package io.vstage.simulator;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Small API-format prompts that run on any ComfyUI (core nodes, no model files unless
 * stated).
 */
final class Graphs {

	/** The checkpoint for sampler graphs; a real server needs one installed. */
	static final String CHECKPOINT = System.getenv()
		.getOrDefault("COMFYUI_CONFORMANCE_CHECKPOINT", "v1-5-pruned-emaonly.safetensors");

	private Graphs() {
	}

	/** LoadImage "10" → SaveImage "9", PROTOCOL.md's example graph. */
	static ObjectNode loadAndSave(String image, String prefix) {
		ObjectNode prompt = ComfyClient.JSON.createObjectNode();
		node(prompt, "10", "LoadImage").put("image", image);
		ObjectNode save = node(prompt, "9", "SaveImage");
		save.put("filename_prefix", prefix);
		link(save, "images", "10", 0);
		return prompt;
	}

	/** Load → VAEEncode → KSampler (steps) → VAEDecode → SaveImage "9". */
	static ObjectNode sampler(String image, long seed, int steps) {
		ObjectNode prompt = ComfyClient.JSON.createObjectNode();
		node(prompt, "1", "CheckpointLoaderSimple").put("ckpt_name", CHECKPOINT);
		node(prompt, "2", "LoadImage").put("image", image);
		ObjectNode encode = node(prompt, "4", "VAEEncode");
		link(encode, "pixels", "2", 0);
		link(encode, "vae", "1", 2);
		ObjectNode positive = node(prompt, "5", "CLIPTextEncode");
		positive.put("text", "a furnished room");
		link(positive, "clip", "1", 1);
		ObjectNode negative = node(prompt, "6", "CLIPTextEncode");
		negative.put("text", "blurry");
		link(negative, "clip", "1", 1);
		ObjectNode sampler = node(prompt, "7", "KSampler");
		sampler.put("seed", seed);
		sampler.put("steps", steps);
		sampler.put("cfg", 7.0);
		sampler.put("sampler_name", "euler");
		sampler.put("scheduler", "normal");
		sampler.put("denoise", 0.6);
		link(sampler, "model", "1", 0);
		link(sampler, "positive", "5", 0);
		link(sampler, "negative", "6", 0);
		link(sampler, "latent_image", "4", 0);
		ObjectNode decode = node(prompt, "8", "VAEDecode");
		link(decode, "samples", "7", 0);
		link(decode, "vae", "1", 2);
		ObjectNode save = node(prompt, "9", "SaveImage");
		save.put("filename_prefix", "conformance");
		link(save, "images", "8", 0);
		return prompt;
	}

	static ObjectNode node(ObjectNode prompt, String id, String classType) {
		ObjectNode node = prompt.putObject(id);
		ObjectNode inputs = node.putObject("inputs");
		node.put("class_type", classType);
		return inputs;
	}

	static void link(ObjectNode inputs, String name, String from, int index) {
		ArrayNode link = inputs.putArray(name);
		link.add(from);
		link.add(index);
	}

}
