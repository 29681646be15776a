package io.vstage.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The whole suite as separate processes on random ports, started once per test JVM: the
 * ComfyUI simulator, key manager and staging backend on temporary SQLite files, and the
 * gateway in front of them (which serves the web-frontend).
 */
final class Suite implements AutoCloseable {

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final Map<String, ServiceProcess.Builder> builders;

	private final Map<String, ServiceProcess> processes;

	private final String baseUrl;

	private final List<String> simulatorUrls;

	private final String superAdminKey;

	private final List<String> internalSecrets;

	private final Path dataDir;

	private final Set<String> issuedSecrets = ConcurrentHashMap.newKeySet();

	private Suite(Map<String, ServiceProcess.Builder> builders, Map<String, ServiceProcess> processes,
			String superAdminKey, List<String> internalSecrets, Path dataDir, String baseUrl,
			List<String> simulatorUrls) {
		this.builders = builders;
		this.processes = new LinkedHashMap<>(processes);
		this.superAdminKey = superAdminKey;
		this.internalSecrets = internalSecrets;
		this.dataDir = dataDir;
		this.baseUrl = baseUrl;
		this.simulatorUrls = simulatorUrls;
	}

	/**
	 * How a suite is laid out: a prefix for its process and log names, how many
	 * simulators (all in {@code COMFYUI_URLS}) with which arguments, and extra variables
	 * for the gateway and the staging backend.
	 */
	record Layout(String prefix, int simulators, List<String> simulatorArguments, Map<String, String> gatewayEnv,
			Map<String, String> backendEnv) {

		/** The browser tests' suite: one simulator slow enough to watch progress. */
		static Layout browser() {
			return new Layout("", 1, List.of(SimulatorSpeed.ARGUMENTS), Map.of(), Map.of());
		}

	}

	/**
	 * Starts the browser tests' suite, or, when the system property
	 * {@code system-tests.base-url} is set, uses a suite that is already running there
	 * (with {@code system-tests.super-admin-key} and {@code system-tests.simulator-url}).
	 */
	static Suite start() {
		String running = System.getProperty("system-tests.base-url");
		if (running != null) {
			return new Suite(Map.of(), Map.of(), System.getProperty("system-tests.super-admin-key"), List.of(),
					Path.of(System.getProperty("java.io.tmpdir")), running,
					List.of(System.getProperty("system-tests.simulator-url", "http://127.0.0.1:8188")));
		}
		return start(Layout.browser());
	}

	/** Starts every service of the layout as its own process on temporary files. */
	static Suite start(Layout layout) {
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
		Map<String, ServiceProcess.Builder> builders = new LinkedHashMap<>();
		Map<String, ServiceProcess> started = new LinkedHashMap<>();
		try {
			List<CompletableFuture<ServiceProcess>> simulators = new ArrayList<>();
			for (int i = 1; i <= layout.simulators(); i++) {
				String name = layout.prefix() + "simulator" + ((layout.simulators() > 1) ? "-" + i : "");
				ServiceProcess.Builder simulator = ServiceProcess.jar("comfyui-simulator")
					.name(name)
					.portInArguments()
					.healthPath("/system_stats");
				simulator.arg("--port", String.valueOf(simulator.port()));
				simulator.arg(layout.simulatorArguments().toArray(String[]::new));
				builders.put(name, simulator);
				simulators.add(async(simulator::start));
			}
			ServiceProcess.Builder keyManagerBuilder = ServiceProcess.jar("key-manager-service")
				.name(layout.prefix() + "key-manager-service")
				.env("SUPER_ADMIN_API_KEY", superAdminKey)
				.env("INTERNAL_JWT_SECRET", jwtSecret)
				.env("KEYS_DB_URL", "jdbc:sqlite:" + data.resolve("keys.db"));
			builders.put(keyManagerBuilder.name(), keyManagerBuilder);
			CompletableFuture<ServiceProcess> keyManager = async(keyManagerBuilder::start);
			List<String> simulatorUrls = new ArrayList<>();
			for (CompletableFuture<ServiceProcess> simulator : simulators) {
				put(started, simulator.join());
				simulatorUrls.add(simulator.join().baseUrl());
			}
			put(started, keyManager.join());
			ServiceProcess.Builder backendBuilder = ServiceProcess.jar("staging-backend-service")
				.name(layout.prefix() + "staging-backend-service")
				.env("INTERNAL_JWT_SECRET", jwtSecret)
				.env("SIGNED_URL_SECRET", signedUrlSecret)
				.env("KEY_MANAGER_URL", keyManager.join().baseUrl())
				.env("COMFYUI_URLS", String.join(",", simulatorUrls))
				.env("STAGING_DB_URL",
						"jdbc:sqlite:" + data.resolve("staging.db")
								+ "?journal_mode=WAL&busy_timeout=10000&foreign_keys=true")
				.env("STAGING_STORAGE_DIR", data.resolve("images").toString());
			layout.backendEnv().forEach(backendBuilder::env);
			builders.put(backendBuilder.name(), backendBuilder);
			ServiceProcess backend = put(started, backendBuilder.start());
			ServiceProcess.Builder gatewayBuilder = ServiceProcess.jar("gateway-service")
				.name(layout.prefix() + "gateway-service")
				.env("INTERNAL_JWT_SECRET", jwtSecret)
				.env("KEY_MANAGER_URL", keyManager.join().baseUrl())
				.env("STAGING_BACKEND_URL", backend.baseUrl());
			layout.gatewayEnv().forEach(gatewayBuilder::env);
			builders.put(gatewayBuilder.name(), gatewayBuilder);
			ServiceProcess gateway = put(started, gatewayBuilder.start());
			return new Suite(builders, started, superAdminKey, List.of(jwtSecret, signedUrlSecret), data,
					gateway.baseUrl(), simulatorUrls);
		}
		catch (RuntimeException ex) {
			started.values().forEach(ServiceProcess::stop);
			throw ex;
		}
	}

	private static ServiceProcess put(Map<String, ServiceProcess> started, ServiceProcess process) {
		started.put(process.name(), process);
		return process;
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
		return this.simulatorUrls.get(0);
	}

	List<String> simulatorUrls() {
		return this.simulatorUrls;
	}

	/** INTERNAL_JWT_SECRET and SIGNED_URL_SECRET. */
	List<String> internalSecrets() {
		return this.internalSecrets;
	}

	/** Remembers an API key secret created during the run, for the log checks. */
	void remember(String secret) {
		this.issuedSecrets.add(secret);
	}

	Set<String> issuedSecrets() {
		return Set.copyOf(this.issuedSecrets);
	}

	/** A running process by its name (e.g. {@code key-manager-service}). */
	ServiceProcess process(String name) {
		ServiceProcess process = this.processes.get(name);
		if (process == null) {
			throw new IllegalArgumentException("no process " + name + " in " + this.processes.keySet());
		}
		return process;
	}

	Collection<ServiceProcess> processes() {
		return List.copyOf(this.processes.values());
	}

	/**
	 * Starts a stopped or killed process again, on the same port with the same settings.
	 */
	ServiceProcess restart(String name) {
		process(name).stop();
		ServiceProcess restarted = this.builders.get(name).start();
		this.processes.put(name, restarted);
		return restarted;
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
		List<ServiceProcess> running = new ArrayList<>(this.processes.values());
		for (int i = running.size() - 1; i >= 0; i--) {
			running.get(i).stop();
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
