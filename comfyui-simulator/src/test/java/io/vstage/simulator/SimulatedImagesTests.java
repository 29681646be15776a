package io.vstage.simulator;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outputs are real pictures derived from the input, labelled SIMULATED, also on partly
 * cached runs.
 */
class SimulatedImagesTests {

	static ComfyUiSimulator sim;

	static ComfyClient client;

	@BeforeAll
	static void start() {
		sim = ComfyUiSimulator.builder().stepDelay(Duration.ZERO).build().start();
		client = new ComfyClient(sim.baseUrl());
	}

	@AfterAll
	static void stop() {
		sim.close();
	}

	@Test
	void outputKeepsTheInputSizeAndCarriesTheLabel() throws Exception {
		String image = ComfyClient.json(client.upload("sized.png", ComfyClient.png(320, 240, Color.ORANGE), Map.of()))
			.path("name")
			.asString();
		BufferedImage first = runAndFetch(image, 1);
		assertThat(first.getWidth()).isEqualTo(320);
		assertThat(first.getHeight()).isEqualTo(240);
		assertThat(hasWhiteInTheMiddleBand(first)).as("the SIMULATED label").isTrue();
		BufferedImage other = runAndFetch(image, 2);
		assertThat(other.getWidth()).as("upstream values come from the cache on a partial re-run").isEqualTo(320);
		assertThat(other.getRGB(5, 5)).as("another seed, another tint").isNotEqualTo(first.getRGB(5, 5));
	}

	@Test
	void savedImagesCarryThePromptAndExtraPngInfoAsTextChunks() throws Exception {
		tools.jackson.databind.node.ObjectNode body = ComfyClient.JSON.createObjectNode();
		body.set("prompt", Graphs.loadAndSave(client.uploadRoom(), "metadata"));
		body.putObject("extra_data").putObject("extra_pnginfo").putObject("workflow").put("nodes", 2);
		String promptId = ComfyClient.json(client.post("/prompt", body)).path("prompt_id").asString();
		await().until(() -> !ComfyClient.json(client.get("/history/" + promptId)).isEmpty());
		JsonNode saved = ComfyClient.json(client.get("/history/" + promptId))
			.path(promptId)
			.path("outputs")
			.path("9")
			.path("images")
			.get(0);
		byte[] png = client.getBytes("/view?type=output&filename=" + saved.path("filename").asString()).body();
		Map<String, String> text = textChunks(png);
		assertThat(ComfyClient.JSON.readTree(text.get("prompt")).path("9").path("class_type").asString())
			.isEqualTo("SaveImage");
		assertThat(ComfyClient.JSON.readTree(text.get("workflow")).path("nodes").asInt()).isEqualTo(2);
	}

	private static Map<String, String> textChunks(byte[] png) throws Exception {
		javax.imageio.ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
		reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(png)));
		org.w3c.dom.Node root = reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
		Map<String, String> text = new java.util.HashMap<>();
		for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n.getNodeName().equals("tEXt")) {
				for (org.w3c.dom.Node e = n.getFirstChild(); e != null; e = e.getNextSibling()) {
					text.put(e.getAttributes().getNamedItem("keyword").getNodeValue(),
							e.getAttributes().getNamedItem("value").getNodeValue());
				}
			}
		}
		return text;
	}

	private static BufferedImage runAndFetch(String image, long seed) throws Exception {
		String promptId = client.queue(Graphs.sampler(image, seed, 3), null).path("prompt_id").asString();
		await().until(() -> !ComfyClient.json(client.get("/history/" + promptId)).isEmpty());
		JsonNode entry = ComfyClient.json(client.get("/history/" + promptId)).path(promptId);
		JsonNode saved = entry.path("outputs").path("9").path("images").get(0);
		byte[] png = client.getBytes("/view?type=output&filename=" + saved.path("filename").asString()).body();
		return ImageIO.read(new ByteArrayInputStream(png));
	}

	private static boolean hasWhiteInTheMiddleBand(BufferedImage image) {
		int y0 = image.getHeight() / 2 - image.getHeight() / 20;
		for (int y = y0; y < image.getHeight() / 2 + image.getHeight() / 20; y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if ((image.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF) {
					return true;
				}
			}
		}
		return false;
	}

}
