package io.vstage.simulator;

import java.awt.Color;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** PROTOCOL.md section 2: {@code POST /upload/image}. */
class UploadConformanceTests extends ConformanceSupport {

	private final String stem = "upload-" + UUID.randomUUID();

	@Test
	void uploadAnswersNameSubfolderAndType() {
		HttpResponse<String> reply = client.upload(this.stem + ".png", ComfyClient.png(8, 8, Color.RED), Map.of());
		assertThat(reply.statusCode()).isEqualTo(200);
		JsonNode body = ComfyClient.json(reply);
		assertThat(body.propertyNames()).contains("name", "subfolder", "type");
		assertThat(body.path("name").asString()).isEqualTo(this.stem + ".png");
		assertThat(body.path("subfolder").asString()).isEmpty();
		assertThat(body.path("type").asString()).isEqualTo("input");
	}

	@Test
	void sameBytesDeduplicateAndOtherBytesAreRenamed() {
		byte[] red = ComfyClient.png(8, 8, Color.RED);
		String name = this.stem + ".png";
		assertThat(name(client.upload(name, red, Map.of()))).isEqualTo(name);
		assertThat(name(client.upload(name, red, Map.of()))).isEqualTo(name);
		assertThat(name(client.upload(name, ComfyClient.png(8, 8, Color.BLUE), Map.of())))
			.isEqualTo(this.stem + " (1).png");
		assertThat(name(client.upload(name, ComfyClient.png(8, 8, Color.GREEN), Map.of())))
			.isEqualTo(this.stem + " (2).png");
	}

	@Test
	void overwriteTrueKeepsTheName() {
		String name = this.stem + ".png";
		client.upload(name, ComfyClient.png(8, 8, Color.RED), Map.of());
		assertThat(name(client.upload(name, ComfyClient.png(8, 8, Color.BLUE), Map.of("overwrite", "true"))))
			.isEqualTo(name);
	}

	@Test
	void subfolderIsEchoedAndUsableAsLoadImageValue() {
		HttpResponse<String> reply = client.upload(this.stem + ".png", ComfyClient.png(8, 8, Color.RED),
				Map.of("subfolder", "rooms"));
		JsonNode body = ComfyClient.json(reply);
		assertThat(body.path("subfolder").asString()).isEqualTo("rooms");
		HttpResponse<String> prompt = client.post("/prompt",
				"{\"prompt\": " + Graphs.loadAndSave("rooms/" + body.path("name").asString(), "conf_sub") + "}");
		assertThat(prompt.statusCode()).isEqualTo(200);
	}

	@Test
	void pathEscapeIsAnEmpty400() {
		HttpResponse<String> reply = client.upload("../escape.png", ComfyClient.png(8, 8, Color.RED), Map.of());
		assertThat(reply.statusCode()).isEqualTo(400);
		assertThat(reply.body()).isEmpty();
		assertThat(client.upload("x.png", ComfyClient.png(8, 8, Color.RED), Map.of("subfolder", "/etc")).statusCode())
			.isEqualTo(400);
	}

	@Test
	void missingImageFieldIs400AndUnknownTypeIs500() {
		assertThat(client.upload(null, null, Map.of("type", "input")).statusCode()).isEqualTo(400);
		assertThat(client.upload(this.stem + ".png", ComfyClient.png(8, 8, Color.RED), Map.of("type", "models"))
			.statusCode()).isEqualTo(500);
	}

	@Test
	void maskUploadGivesTheOriginalTheMasksAlpha() throws Exception {
		String original = name(client.upload(this.stem + ".png", ComfyClient.png(8, 8, Color.RED), Map.of()));
		String ref = "{\"filename\": \"" + original + "\", \"subfolder\": \"\", \"type\": \"input\"}";
		HttpResponse<String> reply = client.upload("/upload/mask", this.stem + "-mask.png", transparentPng(),
				Map.of("original_ref", ref));
		assertThat(reply.statusCode()).isEqualTo(200);
		HttpResponse<byte[]> stored = client.getBytes("/view?type=input&filename=" + name(reply).replace(" ", "%20"));
		java.awt.image.BufferedImage image = javax.imageio.ImageIO
			.read(new java.io.ByteArrayInputStream(stored.body()));
		assertThat(image.getRGB(0, 0) >>> 24).isZero();
		assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
	}

	@Test
	void maskUploadForAMissingOriginalStillAnswers200ButWritesNothing() {
		String ref = "{\"filename\": \"missing-" + UUID.randomUUID() + ".png\", \"type\": \"input\"}";
		HttpResponse<String> reply = client.upload("/upload/mask", this.stem + "-mask.png", transparentPng(),
				Map.of("original_ref", ref));
		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(client.getBytes("/view?type=input&filename=" + name(reply)).statusCode()).isEqualTo(404);
	}

	private static byte[] transparentPng() {
		java.awt.image.BufferedImage mask = new java.awt.image.BufferedImage(8, 8,
				java.awt.image.BufferedImage.TYPE_INT_ARGB);
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try {
			javax.imageio.ImageIO.write(mask, "png", out);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static String name(HttpResponse<String> reply) {
		return ComfyClient.json(reply).path("name").asString();
	}

}
