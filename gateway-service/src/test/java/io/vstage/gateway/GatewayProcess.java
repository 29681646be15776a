package io.vstage.gateway;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * A gateway in a JVM of its own, started from this test's class path, for tests that need
 * several gateways (two Reactor Netty servers in one JVM share their event loops).
 */
final class GatewayProcess implements AutoCloseable {

	private final int port;

	private final Process process;

	private GatewayProcess(int port, Process process) {
		this.port = port;
		this.process = process;
	}

	/**
	 * Starts a gateway with these extra environment variables and waits until it is
	 * healthy.
	 */
	static GatewayProcess start(Map<String, String> environment) throws IOException {
		int port = KeyManagerProcess.freePort();
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), GatewayApplication.class.getName()));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(environment);
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		File log = Files.createTempFile("vstage-gateway-", ".log").toFile();
		builder.redirectErrorStream(true).redirectOutput(log);
		GatewayProcess gateway = new GatewayProcess(port, builder.start());
		try {
			gateway.awaitHealthy(log);
		}
		catch (RuntimeException ex) {
			// never leave a half-started process behind
			gateway.close();
			throw ex;
		}
		return gateway;
	}

	private void awaitHealthy(File log) {
		GatewayProcess gateway = this;
		HttpClient http = HttpClient.newHttpClient();
		Awaitility.await("gateway healthy (log: " + log + ")")
			.atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> {
				if (!gateway.process.isAlive()) {
					throw new IllegalStateException("gateway exited; see " + log);
				}
				try {
					return http
						.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/actuator/health")).build(),
								HttpResponse.BodyHandlers.ofString())
						.statusCode() == 200;
				}
				catch (IOException ex) {
					return false;
				}
			});
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
