package io.vstage.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the repository's {@code ./suite} script against a folder of its own:
 * {@code VSTAGE_ENV_FILE}, {@code VSTAGE_STATE_DIR} and {@code VSTAGE_DATA_DIR} point
 * into {@code target/suite-launcher-*}, and the env file is {@code .env.example} with
 * fresh secrets and four free ports.
 */
final class LauncherRun {

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final Path dir;

	private final Map<String, String> settings;

	private LauncherRun(Path dir, Map<String, String> settings) {
		this.dir = dir;
		this.settings = settings;
	}

	record Result(int exitCode, String output) {
	}

	static LauncherRun create() {
		try {
			Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "suite-launcher-")
				.toAbsolutePath();
			Map<String, String> settings = new LinkedHashMap<>();
			for (String secret : List.of("SUPER_ADMIN_API_KEY", "INTERNAL_JWT_SECRET", "SIGNED_URL_SECRET")) {
				settings.put(secret, random(48));
			}
			for (String port : List.of("GATEWAY_PORT", "KEY_MANAGER_PORT", "STAGING_BACKEND_PORT", "SIMULATOR_PORT")) {
				settings.put(port, String.valueOf(ServiceProcess.freePort()));
			}
			LauncherRun run = new LauncherRun(dir, settings);
			run.write(dir.resolve(".env"), Map.of());
			return run;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path envFile() {
		return this.dir.resolve(".env");
	}

	int port(String name) {
		return Integer.parseInt(this.settings.get(name));
	}

	/** Another env file: this run's, with some values changed. */
	Path envFileWith(Map<String, String> changes) {
		Path file = this.dir.resolve(".env-" + changes.keySet().iterator().next());
		write(file, changes);
		return file;
	}

	private void write(Path file, Map<String, String> changes) {
		try {
			List<String> lines = new ArrayList<>();
			for (String line : Files.readAllLines(ServiceProcess.repositoryRoot().resolve(".env.example"))) {
				String name = line.contains("=") && !line.startsWith("#") ? line.substring(0, line.indexOf('=')) : "";
				String value = changes.getOrDefault(name, this.settings.get(name));
				lines.add((value != null) ? name + "=" + value : line);
			}
			Files.write(file, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts {@code ./suite <arguments>}; its output goes to {@code up.log} of this run.
	 */
	Process start(Path envFile, String... arguments) {
		List<String> command = new ArrayList<>();
		// a JVM or build started in the background may ignore SIGINT, and a shell cannot
		// trap a signal ignored on entry: give the launcher the default disposition back
		command.addAll(List.of("env", "--default-signal=INT", "./suite"));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = builder(envFile, command).redirectOutput(this.dir.resolve("up.log").toFile());
		try {
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What {@code ./suite up} printed so far. */
	String output() {
		try {
			Path log = this.dir.resolve("up.log");
			return Files.exists(log) ? Files.readString(log) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Runs {@code ./suite <arguments>} to its end (60 s at most). */
	Result runToEnd(Path envFile, String... arguments) {
		List<String> command = new ArrayList<>(List.of("./suite"));
		command.addAll(List.of(arguments));
		Path output = this.dir.resolve(String.join("-", arguments) + ".out");
		try {
			Process process = builder(envFile, command).redirectOutput(output.toFile()).start();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(
						"./suite " + String.join(" ", arguments) + " did not end in 60 s: " + Files.readString(output));
			}
			return new Result(process.exitValue(), Files.readString(output));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** SIGINT, as Ctrl-C in a terminal. */
	void interrupt(Process process) {
		Result kill = runCommand(List.of("kill", "-INT", String.valueOf(process.pid())));
		if (kill.exitCode() != 0) {
			throw new IllegalStateException("kill -INT failed: " + kill.output());
		}
	}

	private Result runCommand(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			return new Result(process.waitFor(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private ProcessBuilder builder(Path envFile, List<String> command) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(ServiceProcess.repositoryRoot().toFile())
			.redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		env.put("VSTAGE_ENV_FILE", envFile.toString());
		env.put("VSTAGE_STATE_DIR", this.dir.resolve("state").toString());
		env.put("VSTAGE_DATA_DIR", this.dir.resolve("data").toString());
		// the JDK running the tests (21 or newer), and small heaps: the machine is shared
		env.put("JAVA_HOME", System.getProperty("java.home"));
		env.put("JAVA_OPTS", "-Xmx256m -XX:TieredStopAtLevel=1");
		return builder;
	}

	private static String random(int length) {
		SecureRandom random = new SecureRandom();
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
		}
		return text.toString();
	}

}
