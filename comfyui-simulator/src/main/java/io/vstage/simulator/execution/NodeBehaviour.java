package io.vstage.simulator.execution;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vstage.simulator.catalog.NodeClass;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What each node class "computes": images follow the graph from the uploaded photo
 * (scaled, tinted by the sampler seed, greyed for depth maps), numbers and strings are
 * computed for real, and everything else is an opaque token.
 */
final class NodeBehaviour {

	private final Path outputDir;

	private final Path tempDir;

	private final InputImages inputImages;

	NodeBehaviour(Path outputDir, Path tempDir, InputImages inputImages) {
		this.outputDir = outputDir;
		this.tempDir = tempDir;
		this.inputImages = inputImages;
	}

	/**
	 * Runs one node.
	 * @param id the node id
	 * @param cls its class
	 * @param in its resolved inputs
	 * @param pngText text chunks for saved images (the prompt and {@code extra_pnginfo})
	 * @return the outputs and the UI output
	 */
	OutputCache.Entry run(String id, NodeClass cls, Map<String, Object> in, Map<String, String> pngText) {
		List<Object> out = special(id, cls, in).orElseGet(() -> {
			List<Object> generic = new ArrayList<>();
			for (JsonNode type : cls.outputs()) {
				generic.add(byType(id, type.asString(""), in));
			}
			return generic;
		});
		return new OutputCache.Entry(List.copyOf(out), ui(cls, in, pngText));
	}

	private Optional<List<Object>> special(String id, NodeClass cls, Map<String, Object> in) {
		return Optional.ofNullable(switch (cls.name()) {
			case "LoadImage" -> {
				BufferedImage image = this.inputImages.load(String.valueOf(in.get("image")));
				yield List.of(new Values.Image(image), new Values.Mask(SimImages.grey(image)));
			}
			case "ImageScale" -> List.of(new Values.Image(scaleTo(image(in), intOf(in, "width"), intOf(in, "height"))));
			case "Image Normalize" -> List.of(new Values.Image(
					normalize(image(in), intOf(in, "target_size"), Math.max(1, intOf(in, "multiple")))));
			case "ImageUpscaleWithModel" -> {
				BufferedImage image = image(in);
				int factor = String.valueOf(in.get("upscale_model")).contains("2x") ? 2 : 4;
				yield List.of(new Values.Image(SimImages.scale(image, Math.min(8192, image.getWidth() * factor),
						Math.min(8192, image.getHeight() * factor))));
			}
			case "GetImageSize" -> List.of((long) image(in).getWidth(), (long) image(in).getHeight(), 1L);
			case "CM_NearestSDXLResolution" -> SdxlResolutions.nearest(image(in));
			case "EmptyLatentImage" -> List.of(new Values.Latent(
					SimImages.blank(intOf(in, "width"), intOf(in, "height"), new Color(128, 128, 128))));
			case "KSampler" -> List.of(new Values.Latent(SimImages.tint(image(in),
					((Number) in.getOrDefault("seed", 0L)).longValue(), doubleOf(in, "denoise"))));
			case "DepthAnything_V2" -> List.of(new Values.Image(SimImages.grey(image(in))));
			case "StringConcatenate" ->
				List.of(in.get("string_a") + String.valueOf(in.getOrDefault("delimiter", "")) + in.get("string_b"));
			case "PrimitiveInt", "PrimitiveStringMultiline" -> List.of(in.get("value"));
			default -> null;
		});
	}

	private static Object byType(String id, String type, Map<String, Object> in) {
		return switch (type) {
			case "IMAGE" -> new Values.Image(image(in));
			case "LATENT" -> new Values.Latent(image(in));
			case "MASK" -> new Values.Mask(SimImages.grey(image(in)));
			case "INT" -> 0L;
			case "FLOAT" -> 0.0;
			case "STRING" -> "";
			default -> new Values.Opaque(type, id);
		};
	}

	private Optional<ObjectNode> ui(NodeClass cls, Map<String, Object> in, Map<String, String> pngText) {
		if (!cls.outputNode()) {
			return Optional.empty();
		}
		boolean save = "SaveImage".equals(cls.name());
		String prefix = save ? String.valueOf(in.getOrDefault("filename_prefix", "ComfyUI"))
				: ImageFiles.previewPrefix();
		ObjectNode ui = JsonNodeFactory.instance.objectNode();
		ui.putArray("images")
			.add(ImageFiles.save(save ? this.outputDir : this.tempDir, save ? "output" : "temp", prefix, image(in),
					pngText));
		return Optional.of(ui);
	}

	/** The first picture among the inputs (image, latent or mask), or a grey square. */
	private static BufferedImage image(Map<String, Object> in) {
		for (Object value : in.values()) {
			if (value instanceof Values.Image(BufferedImage image)) {
				return image;
			}
		}
		for (Object value : in.values()) {
			if (value instanceof Values.Latent(BufferedImage image)) {
				return image;
			}
			if (value instanceof Values.Mask(BufferedImage image)) {
				return image;
			}
		}
		return SimImages.blank(512, 512, Color.GRAY);
	}

	private static BufferedImage scaleTo(BufferedImage image, int width, int height) {
		if (width == 0 && height == 0) {
			return image;
		}
		int w = (width > 0) ? width : Math.max(1, Math.round((float) image.getWidth() * height / image.getHeight()));
		int h = (height > 0) ? height : Math.max(1, Math.round((float) image.getHeight() * width / image.getWidth()));
		return SimImages.scale(image, w, h);
	}

	private static BufferedImage normalize(BufferedImage image, int target, int multiple) {
		double ratio = (double) target / Math.max(image.getWidth(), image.getHeight());
		int w = Math.max(multiple, (int) Math.round(image.getWidth() * ratio / multiple) * multiple);
		int h = Math.max(multiple, (int) Math.round(image.getHeight() * ratio / multiple) * multiple);
		return SimImages.scale(image, w, h);
	}

	private static int intOf(Map<String, Object> in, String name) {
		return (in.get(name) instanceof Number n) ? (int) Math.min(16384, n.longValue()) : 0;
	}

	private static double doubleOf(Map<String, Object> in, String name) {
		return (in.get(name) instanceof Number n) ? n.doubleValue() : 1.0;
	}

}
