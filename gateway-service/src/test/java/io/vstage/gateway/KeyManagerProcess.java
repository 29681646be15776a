package io.vstage.gateway;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * The real key-manager-service, started from the executable jar the reactor built before
 * these tests (the test-scoped dependency in the POM orders the build), on a free port
 * with a fresh SQLite file.
 */
public final class KeyManagerProcess implements AutoCloseable {

	/** The super admin key the process is started with. */
	public static final String SUPER_ADMIN_KEY = "test-super-admin-key-0123456789-abcdefghij";

	/** The internal JWT secret shared with the gateway under test. */
	public static final String JWT_SECRET = "test-internal-jwt-secret-0123456789-abcdefgh";

	private static final Path JAR = Path.of("..", "key-manager-service", "target", "key-manager-service.jar");

	private static KeyManagerProcess shared;

	private final int port;

	private final Path directory;

	private Process process;

	private KeyManagerProcess() throws IOException {
		this.port = freePort();
		this.directory = Files.createTempDirectory("vstage-keys-");
	}

	/** One process for every test class of this JVM that does not stop it. */
	public static synchronized KeyManagerProcess shared() {
		if (shared == null) {
			shared = startNew();
			Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
		}
		return shared;
	}

	/** A process of its own, for tests that stop it. */
	public static KeyManagerProcess startNew() {
		try {
			KeyManagerProcess keyManager = new KeyManagerProcess();
			keyManager.start();
			return keyManager;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Where the process writes its output. */
	public Path log() {
		return this.directory.resolve("key-manager.log");
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Starts (again, on the same port and database) and waits until healthy. */
	public void start() throws IOException {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build with "
					+ "`./mvnw -pl gateway-service -am verify` so that the reactor packages key-manager-service first");
		}
		// a copy of its own, so that a rebuild of the module while tests run cannot pull
		// classes away
		Path jar = this.directory.resolve("key-manager-service.jar");
		if (!Files.exists(jar)) {
			Files.copy(JAR, jar);
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
				jar.toAbsolutePath().toString());
		Map<String, String> env = builder.environment();
		env.put("SERVER_PORT", Integer.toString(this.port));
		env.put("KEYS_DB_URL", "jdbc:sqlite:" + this.directory.resolve("keys.db").toAbsolutePath());
		env.put("SUPER_ADMIN_API_KEY", SUPER_ADMIN_KEY);
		env.put("INTERNAL_JWT_SECRET", JWT_SECRET);
		File log = log().toFile();
		builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
		this.process = builder.start();
		try {
			awaitHealthy(log);
		}
		catch (RuntimeException ex) {
			// never leave a half-started process behind
			stop();
			throw ex;
		}
	}

	private void awaitHealthy(File log) {
		HttpClient http = HttpClient.newHttpClient();
		Awaitility.await("key manager healthy (log: " + log + ")")
			.atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("key-manager-service exited; see " + log);
				}
				try {
					HttpResponse<String> health = http.send(
							HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).build(),
							HttpResponse.BodyHandlers.ofString());
					return health.statusCode() == 200 && health.body().contains("UP");
				}
				catch (IOException ex) {
					return false;
				}
			});
	}

	/** Stops the process and waits until it is gone. */
	public void stop() {
		if (this.process != null && this.process.isAlive()) {
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

	@Override
	public void close() {
		stop();
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
