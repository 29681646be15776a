package io.vstage.simulator;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** PROTOCOL.md sections 3 and 4: {@code /history} and {@code /view}. */
class HistoryAndViewConformanceTests extends ConformanceSupport {

	@Test
	void unknownPromptHistoryIsEmptyObject() {
		HttpResponse<String> reply = client.get("/history/" + UUID.randomUUID());
		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(ComfyClient.json(reply)).isEmpty();
	}

	@Test
	void finishedPromptHasTheDocumentedHistoryShape() {
		String clientId = "hist-" + UUID.randomUUID();
		try (WsRecorder ws = client.connect(clientId)) {
			String promptId = client.queue(Graphs.loadAndSave(client.uploadRoom(), "conf_history"), clientId)
				.path("prompt_id")
				.asString();
			ws.awaitDone(promptId);
			JsonNode entry = ComfyClient.json(client.get("/history/" + promptId)).path(promptId);
			assertThat(entry.propertyNames()).contains("prompt", "outputs", "status", "meta");
			JsonNode prompt = entry.path("prompt");
			assertThat(prompt.size()).isEqualTo(5);
			assertThat(prompt.get(1).asString()).isEqualTo(promptId);
			assertThat(prompt.get(3).path("client_id").asString()).isEqualTo(clientId);
			assertThat(prompt.get(4)).extracting(JsonNode::asString).containsExactly("9");
			JsonNode image = entry.path("outputs").path("9").path("images").get(0);
			assertThat(image.path("type").asString()).isEqualTo("output");
			assertThat(entry.path("status").path("completed").asBoolean()).isTrue();
			assertThat(entry.path("status").path("messages")).extracting((m) -> m.get(0).asString())
				.containsExactly("execution_start", "execution_cached", "execution_success");
			assertThat(entry.path("meta").path("9").path("display_node").asString()).isEqualTo("9");
			HttpResponse<byte[]> file = client.getBytes("/view?filename=" + image.path("filename").asString()
					+ "&type=output&subfolder=" + image.path("subfolder").asString());
			assertThat(file.statusCode()).isEqualTo(200);
			assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
			assertThat(file.headers().firstValue("Content-Disposition"))
				.hasValue("filename=\"" + image.path("filename").asString() + "\"");
			assertThat(file.body()).startsWith(0x89, 'P', 'N', 'G');
		}
	}

	@Test
	void historyListingHonoursMaxItemsAndDeletion() {
		String clientId = "hist-" + UUID.randomUUID();
		try (WsRecorder ws = client.connect(clientId)) {
			String image = client.uploadRoom();
			String a = client.queue(Graphs.loadAndSave(image, "conf_list_a"), clientId).path("prompt_id").asString();
			String b = client.queue(Graphs.loadAndSave(image, "conf_list_b"), clientId).path("prompt_id").asString();
			ws.awaitDone(b);
			assertThat(ComfyClient.json(client.get("/history?max_items=1")).propertyNames()).containsExactly(b);
			assertThat(client.post("/history", "{\"delete\": [\"" + a + "\"]}").statusCode()).isEqualTo(200);
			assertThat(ComfyClient.json(client.get("/history/" + a))).isEmpty();
			assertThat(client.get("/history?max_items=abc").statusCode()).isEqualTo(500);
		}
	}

	@Test
	void viewResolvesInComfyUisOrderWithItsStatusCodes() {
		assertThat(client.get("/view").statusCode()).isEqualTo(404);
		assertThat(client.get("/view?filename=").statusCode()).isEqualTo(400);
		assertThat(client.get("/view?filename=a..b.png").statusCode()).isEqualTo(400);
		assertThat(client.get("/view?filename=%2Fetc%2Fpasswd").statusCode()).isEqualTo(400);
		assertThat(client.get("/view?filename=x.png&type=models").statusCode()).isEqualTo(400);
		assertThat(client.get("/view?filename=x.png&subfolder=..%2F..").statusCode()).isEqualTo(403);
		HttpResponse<String> missing = client.get("/view?filename=missing-" + UUID.randomUUID() + ".png");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).isEmpty();
	}

	@Test
	void viewServesInputFilesByTypeAndAnnotation() {
		String name = client.uploadRoom();
		assertThat(client.getBytes("/view?filename=" + name + "&type=input").statusCode()).isEqualTo(200);
		assertThat(client.getBytes("/view?filename=" + name.replace(" ", "%20") + "%20%5Binput%5D").statusCode())
			.isEqualTo(200);
		assertThat(client.getBytes("/view?filename=" + name).statusCode()).as("default type is output").isEqualTo(404);
	}

}
