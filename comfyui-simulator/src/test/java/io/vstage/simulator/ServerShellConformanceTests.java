package io.vstage.simulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** PROTOCOL.md sections 0 and 7.6: aliases, aiohttp's own replies, the origin check. */
class ServerShellConformanceTests extends ConformanceSupport {

	@Test
	void everyRouteIsAlsoServedUnderApi() {
		assertThat(client.get("/api/system_stats").body()).isNotEmpty();
		assertThat(client.get("/api/queue").statusCode()).isEqualTo(200);
		assertThat(client.get("/api/object_info/KSampler").statusCode()).isEqualTo(200);
	}

	@Test
	void unknownPathIsAiohttps404Text() {
		HttpResponse<String> reply = client.get("/no/such/path");
		assertThat(reply.statusCode()).isEqualTo(404);
		assertThat(reply.body()).isEqualTo("404: Not Found");
		assertThat(reply.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
	}

	@Test
	void wrongMethodIs405WithAllow() {
		HttpResponse<String> reply = client.send(HttpRequest.newBuilder(client.base().resolve("/interrupt")).GET());
		assertThat(reply.statusCode()).isEqualTo(405);
		assertThat(reply.body()).isEqualTo("405: Method Not Allowed");
		assertThat(reply.headers().firstValue("Allow")).hasValue("POST");
	}

	@Test
	void mismatchedOriginOnLoopbackIsAnEmpty403() {
		URI base = client.base();
		HttpResponse<String> reply = client.send(HttpRequest.newBuilder(base.resolve("/system_stats"))
			.header("Origin", "http://evil.example:" + base.getPort()));
		assertThat(reply.statusCode()).isEqualTo(403);
		assertThat(reply.body()).isEmpty();
		HttpResponse<String> same = client.send(HttpRequest.newBuilder(base.resolve("/system_stats"))
			.header("Origin", "http://" + base.getHost() + ":" + base.getPort()));
		assertThat(same.statusCode()).isEqualTo(200);
	}

	@Test
	void oversizeBodyIsAiohttps413Text() {
		assumeSimulator();
		sim.faults().maxUploadBytes(1024);
		try {
			HttpResponse<String> reply = client.post("/prompt", "{\"prompt\": \"" + "x".repeat(4096) + "\"}");
			assertThat(reply.statusCode()).isEqualTo(413);
			assertThat(reply.body()).startsWith("Maximum request body size 1024 exceeded, actual body size ");
			assertThat(ComfyClient.json(client.get("/features")).path("max_upload_size").asLong()).isEqualTo(1024);
		}
		finally {
			sim.faults().clear();
		}
	}

}
