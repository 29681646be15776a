package io.vstage.simulator;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small ComfyUI client over java.net.http, the way the staging backend talks to the
 * engine.
 */
final class ComfyClient {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI base;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	ComfyClient(URI base) {
		this.base = base;
	}

	URI base() {
		return this.base;
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(this.base.resolve(path)).GET());
	}

	HttpResponse<byte[]> getBytes(String path) {
		try {
			return this.http.send(HttpRequest.newBuilder(this.base.resolve(path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<String> post(String path, String body) {
		return send(HttpRequest.newBuilder(this.base.resolve(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	HttpResponse<String> post(String path, JsonNode body) {
		return post(path, JSON.writeValueAsString(body));
	}

	HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** {@code POST /upload/image} with the file part and extra text fields. */
	HttpResponse<String> upload(String filename, byte[] content, Map<String, String> fields) {
		return upload("/upload/image", filename, content, fields);
	}

	/** A multipart upload to {@code /upload/image} or {@code /upload/mask}. */
	HttpResponse<String> upload(String path, String filename, byte[] content, Map<String, String> fields) {
		String boundary = "----vstage" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		if (filename != null) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\""
					+ filename + "\"\r\nContent-Type: image/png\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(content);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(this.base.resolve(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** Uploads a fresh picture and answers the name to put into LoadImage. */
	String uploadRoom() {
		HttpResponse<String> reply = upload("room-" + UUID.randomUUID() + ".png", png(320, 240, Color.ORANGE),
				Map.of());
		return json(reply).get("name").asString();
	}

	/** Queues a prompt, returning the reply body. */
	JsonNode queue(ObjectNode prompt, String clientId) {
		ObjectNode body = JSON.createObjectNode();
		body.set("prompt", prompt);
		if (clientId != null) {
			body.put("client_id", clientId);
		}
		body.put("prompt_id", UUID.randomUUID().toString());
		HttpResponse<String> reply = post("/prompt", body);
		if (reply.statusCode() != 200) {
			throw new IllegalStateException("prompt refused: " + reply.body());
		}
		return json(reply);
	}

	WsRecorder connect(String clientId) {
		String ws = this.base.toString().replaceFirst("^http", "ws") + "/ws"
				+ ((clientId != null) ? "?clientId=" + clientId : "");
		return WsRecorder.connect(this.http, URI.create(ws));
	}

	static JsonNode json(HttpResponse<String> reply) {
		return JSON.readTree(reply.body());
	}

	static byte[] png(int width, int height, Color color) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(color);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.DARK_GRAY);
		g.fillRect(width / 4, height / 2, width / 2, height / 4);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
