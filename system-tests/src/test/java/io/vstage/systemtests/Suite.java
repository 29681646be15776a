package io.vstage.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The whole suite as separate processes on random ports, started once per test JVM: the
 * ComfyUI simulator, key manager and staging backend on temporary SQLite files, and the
 * gateway in front of them (which serves the web-frontend).
 */
final class Suite implements AutoCloseable {

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final List<ServiceProcess> processes;

	private final String baseUrl;

	private final String simulatorUrl;

	private final String superAdminKey;

	private final Path dataDir;

	private Suite(List<ServiceProcess> processes, String superAdminKey, Path dataDir, String baseUrl,
			String simulatorUrl) {
		this.processes = processes;
		this.superAdminKey = superAdminKey;
		this.dataDir = dataDir;
		this.baseUrl = baseUrl;
		this.simulatorUrl = simulatorUrl;
	}

	/**
	 * Starts the suite, or, when the system property {@code system-tests.base-url} is
	 * set, uses a suite that is already running there (with
	 * {@code system-tests.super-admin-key} and {@code system-tests.simulator-url}).
	 */
	static Suite start() {
		String running = System.getProperty("system-tests.base-url");
		if (running != null) {
			return new Suite(List.of(), System.getProperty("system-tests.super-admin-key"),
					Path.of(System.getProperty("java.io.tmpdir")), running,
					System.getProperty("system-tests.simulator-url", "http://127.0.0.1:8188"));
		}
		Path data;
		try {
			data = Files.createTempDirectory("vstage-system-tests-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String superAdminKey = "sa-" + random(40);
		String jwtSecret = random(48);
		String signedUrlSecret = random(48);
		List<ServiceProcess> started = new ArrayList<>();
		try {
			ServiceProcess.Builder simulatorBuilder = ServiceProcess.jar("comfyui-simulator")
				.portInArguments()
				.healthPath("/system_stats");
			simulatorBuilder.arg("--port", String.valueOf(simulatorBuilder.port()));
			simulatorBuilder.arg(SimulatorSpeed.ARGUMENTS);
			CompletableFuture<ServiceProcess> simulator = async(simulatorBuilder::start);
			CompletableFuture<ServiceProcess> keyManager = async(() -> ServiceProcess.jar("key-manager-service")
				.env("SUPER_ADMIN_API_KEY", superAdminKey)
				.env("INTERNAL_JWT_SECRET", jwtSecret)
				.env("KEYS_DB_URL", "jdbc:sqlite:" + data.resolve("keys.db"))
				.start());
			started.add(simulator.join());
			started.add(keyManager.join());
			CompletableFuture<ServiceProcess> backend = async(() -> ServiceProcess.jar("staging-backend-service")
				.env("INTERNAL_JWT_SECRET", jwtSecret)
				.env("SIGNED_URL_SECRET", signedUrlSecret)
				.env("KEY_MANAGER_URL", keyManager.join().baseUrl())
				.env("COMFYUI_URLS", simulator.join().baseUrl())
				.env("STAGING_DB_URL",
						"jdbc:sqlite:" + data.resolve("staging.db")
								+ "?journal_mode=WAL&busy_timeout=10000&foreign_keys=true")
				.env("STAGING_STORAGE_DIR", data.resolve("images").toString())
				.start());
			started.add(backend.join());
			ServiceProcess gateway = ServiceProcess.jar("gateway-service")
				.env("INTERNAL_JWT_SECRET", jwtSecret)
				.env("KEY_MANAGER_URL", keyManager.join().baseUrl())
				.env("STAGING_BACKEND_URL", backend.join().baseUrl())
				.start();
			started.add(gateway);
			return new Suite(started, superAdminKey, data, gateway.baseUrl(), simulator.join().baseUrl());
		}
		catch (RuntimeException ex) {
			started.forEach(ServiceProcess::stop);
			throw ex;
		}
	}

	private static <T> CompletableFuture<T> async(Supplier<T> task) {
		return CompletableFuture.supplyAsync(task);
	}

	private static String random(int length) {
		SecureRandom random = new SecureRandom();
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
		}
		return text.toString();
	}

	/** The gateway: the only URL a browser or client uses. */
	String baseUrl() {
		return this.baseUrl;
	}

	String simulatorUrl() {
		return this.simulatorUrl;
	}

	String superAdminKey() {
		return this.superAdminKey;
	}

	SuiteApi api() {
		return new SuiteApi(baseUrl());
	}

	Path dataDir() {
		return this.dataDir;
	}

	@Override
	public void close() {
		// the gateway first, so nothing new reaches the services while they stop
		for (int i = this.processes.size() - 1; i >= 0; i--) {
			this.processes.get(i).stop();
		}
		if (!this.processes.isEmpty()) {
			deleteRecursively(this.dataDir);
		}
	}

	private static void deleteRecursively(Path dir) {
		try (var files = Files.walk(dir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory left behind is harmless
		}
	}

}
