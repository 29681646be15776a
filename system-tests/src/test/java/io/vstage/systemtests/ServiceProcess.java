package io.vstage.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One of the suite's jars started as a separate process ({@code java -jar}) on a port of
 * its own: started with the environment it is given, awaited until its health URL answers
 * 200, its output captured to {@code target/suite-logs/<name>.log}, stopped gracefully
 * (then forcibly).
 * <p>
 * Reusable by any end-to-end test: {@code ServiceProcess.jar("key-manager-service")
 * .env("SUPER_ADMIN_API_KEY", key).start()}.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	private static final Map<Path, Path> COPIES = new HashMap<>();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final Process process;

	private final Path log;

	private ServiceProcess(String name, int port, Process process, Path log) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	/**
	 * A builder for {@code <module>/target/<module>.jar} of this repository, or for the
	 * jar named by the system property {@code system-tests.<module>.jar} when it is set.
	 */
	public static Builder jar(String module) {
		String override = System.getProperty("system-tests." + module + ".jar");
		Path jar = (override != null) ? Path.of(override)
				: repositoryRoot().resolve(module).resolve("target").resolve(module + ".jar");
		return new Builder(module, jar, null);
	}

	/**
	 * A builder for a program that is not one of the suite's jars (e.g.
	 * {@code redis-server}): its port goes in the arguments the caller adds, and it is
	 * ready when the port accepts a TCP connection.
	 */
	public static Builder executable(String name, String program) {
		return new Builder(name, null, program).portInArguments().healthPath(null);
	}

	/** The repository root: Surefire runs in the module directory, one level below. */
	public static Path repositoryRoot() {
		Path here = Path.of("").toAbsolutePath();
		return Files.exists(here.resolve("mvnw")) ? here : here.getParent();
	}

	/** A TCP port that was free a moment ago. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String name() {
		return this.name;
	}

	public int port() {
		return this.port;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	public Path log() {
		return this.log;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** The operating system's process: the JVM itself for a jar, never a wrapper. */
	public ProcessHandle handle() {
		return this.process.toHandle();
	}

	/** Stops the process: SIGTERM and up to 15 s of graceful shutdown, then SIGKILL. */
	public void stop() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(15, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/** Kills the process without warning (SIGKILL), as a crash would. */
	public void kill() {
		try {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		stop();
	}

	private void awaitHealthy(String healthPath, Duration timeout) {
		if (healthPath == null) {
			awaitListening(timeout);
			return;
		}
		URI health = URI.create(baseUrl() + healthPath);
		try {
			Awaitility.await(this.name + " healthy at " + health)
				.atMost(timeout)
				.pollInterval(Duration.ofMillis(200))
				.ignoreExceptionsInstanceOf(IOException.class)
				.until(() -> {
					if (!this.process.isAlive()) {
						throw new IllegalStateException(this.name + " exited with " + this.process.exitValue()
								+ " during start-up; last lines of " + this.log + ":\n" + tail());
					}
					return HTTP
						.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build(),
								HttpResponse.BodyHandlers.discarding())
						.statusCode() == 200;
				});
		}
		catch (ConditionTimeoutException ex) {
			stop();
			throw new IllegalStateException(this.name + " was not healthy at " + health + " within " + timeout
					+ "; last lines of " + this.log + ":\n" + tail(), ex);
		}
	}

	private void awaitListening(Duration timeout) {
		try {
			Awaitility.await(this.name + " listening on " + this.port)
				.atMost(timeout)
				.pollInterval(Duration.ofMillis(100))
				.ignoreExceptionsInstanceOf(IOException.class)
				.until(() -> {
					if (!this.process.isAlive()) {
						throw new IllegalStateException(this.name + " exited with " + this.process.exitValue()
								+ " during start-up; last lines of " + this.log + ":\n" + tail());
					}
					try (Socket socket = new Socket()) {
						socket.connect(new InetSocketAddress("127.0.0.1", this.port), 1000);
						return true;
					}
				});
		}
		catch (ConditionTimeoutException ex) {
			stop();
			throw new IllegalStateException(this.name + " was not listening on " + this.port + " within " + timeout
					+ "; last lines of " + this.log + ":\n" + tail(), ex);
		}
	}

	/**
	 * Writes the threads of a JVM process to {@code target/suite-logs/<name>-threads.txt}
	 * ({@code jcmd Thread.print}), for a test that caught it hanging.
	 */
	public Path dumpThreads() {
		Path dump = this.log.resolveSibling(this.name + "-threads.txt");
		String java = ProcessHandle.current().info().command().orElse("java");
		try {
			new ProcessBuilder(Path.of(java).resolveSibling("jcmd").toString(), String.valueOf(this.process.pid()),
					"Thread.print")
				.redirectErrorStream(true)
				.redirectOutput(dump.toFile())
				.start()
				.waitFor(30, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return dump;
	}

	/** The last 40 lines of the captured output, for failure messages. */
	public String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/**
	 * A copy of the jar made on its first start in this test JVM and used for every later
	 * start: a module rebuilt meanwhile would otherwise change under a running process
	 * (classes not loaded yet then fail with NoClassDefFoundError), and a restarted
	 * process would run other code than its peers.
	 */
	private static synchronized Path copy(Path jar) throws IOException {
		Path copy = COPIES.get(jar);
		if (copy == null) {
			Path dir = Files.createDirectories(Path.of("target", "suite-jars"));
			Path target = dir.resolve(ProcessHandle.current().pid() + "-" + jar.getFileName()).toAbsolutePath();
			// a jar being rebuilt is briefly missing or not yet executable: copy again
			Awaitility.await("an executable copy of " + jar)
				.atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofSeconds(2))
				.ignoreExceptions()
				.until(() -> {
					Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
					try (JarFile copied = new JarFile(target.toFile())) {
						return copied.getManifest().getMainAttributes().getValue("Main-Class") != null;
					}
				});
			copy = target;
			COPIES.put(jar, copy);
		}
		return copy;
	}

	/** How to start one jar. */
	public static final class Builder {

		private String name;

		private final Path jar;

		private final String program;

		private final Map<String, String> env = new LinkedHashMap<>();

		private final List<String> args = new ArrayList<>();

		private final List<String> jvmArgs = new ArrayList<>(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));

		private int port = freePort();

		private String healthPath = "/actuator/health";

		private Duration timeout = STARTUP_TIMEOUT;

		private boolean portFromEnv = true;

		private Builder(String name, Path jar, String program) {
			this.name = name;
			this.jar = jar;
			this.program = program;
		}

		/**
		 * The name of the process and of its log ({@code target/suite-logs/<name>.log}):
		 * the module's name unless several copies of one module run.
		 */
		public Builder name(String value) {
			this.name = value;
			return this;
		}

		public String name() {
			return this.name;
		}

		public Builder env(String key, String value) {
			this.env.put(key, Objects.requireNonNull(value, key + " == null"));
			return this;
		}

		public Builder arg(String... values) {
			this.args.addAll(List.of(values));
			return this;
		}

		public Builder jvmArg(String... values) {
			this.jvmArgs.addAll(List.of(values));
			return this;
		}

		public Builder port(int value) {
			this.port = value;
			return this;
		}

		public int port() {
			return this.port;
		}

		/**
		 * The port goes in arguments the caller adds, not in SERVER_PORT (e.g. the
		 * simulator).
		 */
		public Builder portInArguments() {
			this.portFromEnv = false;
			return this;
		}

		/**
		 * The path that answers 200 when ready; {@code null}: ready when the port
		 * listens.
		 */
		public Builder healthPath(String value) {
			this.healthPath = value;
			return this;
		}

		public Builder startupTimeout(Duration value) {
			this.timeout = value;
			return this;
		}

		public ServiceProcess start() {
			if (this.jar != null && !Files.isRegularFile(this.jar)) {
				throw new IllegalStateException(
						this.jar + " does not exist: build it first (./mvnw -pl system-tests -am verify "
								+ "builds every module the system tests start)");
			}
			try {
				Path logs = Files.createDirectories(Path.of("target", "suite-logs"));
				Path log = logs.resolve(this.name + ".log");
				List<String> command = new ArrayList<>();
				if (this.jar != null) {
					command.add(ProcessHandle.current().info().command().orElse("java"));
					command.addAll(this.jvmArgs);
					command.add("-jar");
					command.add(copy(this.jar).toString());
				}
				else {
					command.add(this.program);
				}
				command.addAll(this.args);
				ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
				if (this.portFromEnv) {
					builder.environment().put("SERVER_PORT", String.valueOf(this.port));
				}
				builder.environment().putAll(this.env);
				ServiceProcess service = new ServiceProcess(this.name, this.port, builder.start(), log);
				service.awaitHealthy(this.healthPath, this.timeout);
				return service;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot start " + this.name, ex);
			}
		}

	}

}
