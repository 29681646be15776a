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
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The whole suite as separate processes on random ports, started once per test JVM: the
 * ComfyUI simulator, key manager and staging backend on temporary SQLite files, and the
 * gateway in front of them (which serves the web-frontend).
 */
final class Suite implements AutoCloseable {

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	// start-ups mostly wait for health checks: not the common pool, which has one thread
	// on two cores
	private static final Executor STARTER = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "suite-start");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, ServiceProcess.Builder> builders;

	private final Map<String, ServiceProcess> processes;

	private final List<String> gatewayUrls;

	private final List<String> simulatorUrls;

	private final String superAdminKey;

	private final List<String> internalSecrets;

	private final Path dataDir;

	private final Set<String> issuedSecrets = ConcurrentHashMap.newKeySet();

	private Suite(Map<String, ServiceProcess.Builder> builders, Map<String, ServiceProcess> processes,
			String superAdminKey, List<String> internalSecrets, Path dataDir, List<String> gatewayUrls,
			List<String> simulatorUrls) {
		this.builders = builders;
		this.processes = new LinkedHashMap<>(processes);
		this.superAdminKey = superAdminKey;
		this.internalSecrets = internalSecrets;
		this.dataDir = dataDir;
		this.gatewayUrls = List.copyOf(gatewayUrls);
		this.simulatorUrls = simulatorUrls;
	}

	/**
	 * How a suite is laid out: a prefix for its process and log names, how many
	 * simulators (all in {@code COMFYUI_URLS}) with which arguments, extra variables for
	 * the gateway, the staging backend and the key manager (which override the SQLite
	 * defaults, e.g. a PostgreSQL {@code KEYS_DB_URL}), how many replicas of key manager
	 * + staging backend run side by side (replica i's backend talks to replica i's key
	 * manager; every backend uses every simulator and the one image folder), and how many
	 * gateways in front of them.
	 */
	record Layout(String prefix, int simulators, List<String> simulatorArguments, Map<String, String> gatewayEnv,
			Map<String, String> backendEnv, Map<String, String> keyManagerEnv, int replicas, int gateways) {

		Layout(String prefix, int simulators, List<String> simulatorArguments, Map<String, String> gatewayEnv,
				Map<String, String> backendEnv) {
			this(prefix, simulators, simulatorArguments, gatewayEnv, backendEnv, Map.of(), 1, 1);
		}

		/** The browser tests' suite: one simulator slow enough to watch progress. */
		static Layout browser() {
			return new Layout("", 1, List.of(SimulatorSpeed.ARGUMENTS), Map.of(), Map.of());
		}

		Layout withKeyManagerEnv(Map<String, String> value) {
			return new Layout(this.prefix, this.simulators, this.simulatorArguments, this.gatewayEnv, this.backendEnv,
					value, this.replicas, this.gateways);
		}

		/**
		 * Replicas of key manager + staging backend, and gateways; gateway g uses replica
		 * ((g - 1) mod replicas) + 1.
		 */
		Layout withReplicas(int keyManagersAndBackends, int gatewayCount) {
			return new Layout(this.prefix, this.simulators, this.simulatorArguments, this.gatewayEnv, this.backendEnv,
					this.keyManagerEnv, keyManagersAndBackends, gatewayCount);
		}

		/**
		 * The name of a process of this layout: {@code <prefix><module>[-<index>]}, the
		 * index only when there are several.
		 */
		String name(String module, int index) {
			int copies = "gateway-service".equals(module) ? gateways() : replicas();
			return prefix() + module + ((copies > 1) ? "-" + index : "");
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
					Path.of(System.getProperty("java.io.tmpdir")), List.of(running),
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
		Map<String, ServiceProcess> started = new ConcurrentHashMap<>();
		List<CompletableFuture<ServiceProcess>> all = new ArrayList<>();
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
				simulators.add(async(all, simulator::start));
			}
			List<CompletableFuture<ServiceProcess>> keyManagers = new ArrayList<>();
			for (int r = 1; r <= layout.replicas(); r++) {
				ServiceProcess.Builder keyManager = ServiceProcess.jar("key-manager-service")
					.name(layout.name("key-manager-service", r))
					.env("SUPER_ADMIN_API_KEY", superAdminKey)
					.env("INTERNAL_JWT_SECRET", jwtSecret)
					.env("KEYS_DB_URL", "jdbc:sqlite:" + data.resolve("keys.db"));
				layout.keyManagerEnv().forEach(keyManager::env);
				builders.put(keyManager.name(), keyManager);
				keyManagers.add(async(all, keyManager::start));
			}
			List<String> simulatorUrls = new ArrayList<>();
			for (CompletableFuture<ServiceProcess> simulator : simulators) {
				put(started, simulator.join());
				simulatorUrls.add(simulator.join().baseUrl());
			}
			keyManagers.forEach((keyManager) -> put(started, keyManager.join()));
			List<CompletableFuture<ServiceProcess>> backends = new ArrayList<>();
			for (int r = 1; r <= layout.replicas(); r++) {
				ServiceProcess.Builder backend = ServiceProcess.jar("staging-backend-service")
					.name(layout.name("staging-backend-service", r))
					.env("INTERNAL_JWT_SECRET", jwtSecret)
					.env("SIGNED_URL_SECRET", signedUrlSecret)
					.env("KEY_MANAGER_URL", keyManagers.get(r - 1).join().baseUrl())
					.env("COMFYUI_URLS", String.join(",", simulatorUrls))
					.env("STAGING_DB_URL",
							"jdbc:sqlite:" + data.resolve("staging.db")
									+ "?journal_mode=WAL&busy_timeout=10000&foreign_keys=true")
					.env("STAGING_STORAGE_DIR", data.resolve("images").toString());
				layout.backendEnv().forEach(backend::env);
				builders.put(backend.name(), backend);
				backends.add(async(all, backend::start));
			}
			backends.forEach((backend) -> put(started, backend.join()));
			List<CompletableFuture<ServiceProcess>> gateways = new ArrayList<>();
			for (int g = 1; g <= layout.gateways(); g++) {
				int replica = (g - 1) % layout.replicas();
				ServiceProcess.Builder gateway = ServiceProcess.jar("gateway-service")
					.name(layout.name("gateway-service", g))
					.env("INTERNAL_JWT_SECRET", jwtSecret)
					.env("KEY_MANAGER_URL", keyManagers.get(replica).join().baseUrl())
					.env("STAGING_BACKEND_URL", backends.get(replica).join().baseUrl());
				layout.gatewayEnv().forEach(gateway::env);
				builders.put(gateway.name(), gateway);
				gateways.add(async(all, gateway::start));
			}
			List<String> gatewayUrls = new ArrayList<>();
			for (CompletableFuture<ServiceProcess> gateway : gateways) {
				gatewayUrls.add(put(started, gateway.join()).baseUrl());
			}
			// in start order, so that close() stops the gateways first
			Map<String, ServiceProcess> ordered = new LinkedHashMap<>();
			builders.keySet().forEach((name) -> ordered.put(name, started.get(name)));
			return new Suite(builders, ordered, superAdminKey, List.of(jwtSecret, signedUrlSecret), data, gatewayUrls,
					simulatorUrls);
		}
		catch (RuntimeException ex) {
			// a start that failed stopped its own process; the others may still be coming
			// up
			for (CompletableFuture<ServiceProcess> pending : all) {
				ServiceProcess process = pending.handle((running, failure) -> running).join();
				if (process != null) {
					process.stop();
				}
			}
			throw ex;
		}
	}

	private static ServiceProcess put(Map<String, ServiceProcess> started, ServiceProcess process) {
		started.put(process.name(), process);
		return process;
	}

	private static CompletableFuture<ServiceProcess> async(List<CompletableFuture<ServiceProcess>> all,
			Supplier<ServiceProcess> start) {
		CompletableFuture<ServiceProcess> started = CompletableFuture.supplyAsync(start, STARTER);
		all.add(started);
		return started;
	}

	private static String random(int length) {
		SecureRandom random = new SecureRandom();
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
		}
		return text.toString();
	}

	/** The (first) gateway: the only URL a browser or client uses. */
	String baseUrl() {
		return this.gatewayUrls.get(0);
	}

	/** Every gateway, replica 1 first. */
	List<String> gatewayUrls() {
		return this.gatewayUrls;
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
