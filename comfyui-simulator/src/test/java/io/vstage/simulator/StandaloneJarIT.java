package io.vstage.simulator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged executable jar starts, listens and says it is simulated (runs after
 * {@code package}).
 */
class StandaloneJarIT {

	private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

	@Test
	void executableJarStartsAndServesComfyUisApi() throws Exception {
		Path jar = Path.of("target", "comfyui-simulator.jar");
		assertThat(jar).exists();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		long started = System.nanoTime();
		Process process = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "--port", "0", "--step-millis", "1"))
			.redirectErrorStream(true)
			.start();
		try {
			BufferedReader out = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
			Matcher m = LISTENING.matcher(line);
			assertThat(m.find()).as(line).isTrue();
			ComfyClient client = new ComfyClient(URI.create(m.group(1)));
			assertThat(client.get("/system_stats").body()).contains("Simulated CPU (vstage comfyui-simulator)");
			Duration startup = Duration.ofNanos(System.nanoTime() - started);
			// the figure for the README; speed is measured, not asserted (a loaded CI
			// machine varies)
			Files.writeString(Path.of("target", "standalone-startup.txt"), startup.toMillis() + " ms\n");
			String promptId = client.queue(Graphs.loadAndSave(client.uploadRoom(), "standalone"), null)
				.path("prompt_id")
				.asString();
			org.awaitility.Awaitility.await()
				.until(() -> !ComfyClient.json(client.get("/history/" + promptId)).isEmpty());
		}
		finally {
			process.destroy();
			process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	private static String readLine(BufferedReader reader) {
		try {
			return reader.readLine();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
