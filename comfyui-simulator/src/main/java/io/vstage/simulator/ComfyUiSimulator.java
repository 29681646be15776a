package io.vstage.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.vstage.simulator.catalog.CatalogSnapshot;
import io.vstage.simulator.catalog.ModelLists;
import io.vstage.simulator.catalog.NodeCatalog;
import io.vstage.simulator.execution.ExecutionSettings;
import io.vstage.simulator.files.FileStore;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running ComfyUI simulator: HTTP and WebSocket on a loopback port, in-memory queue and
 * history, files in a data directory. Build one with {@link #builder()}; close it when
 * done.
 *
 * <pre>
 * try (ComfyUiSimulator sim = ComfyUiSimulator.builder().stepDelay(Duration.ofMillis(2)).build().start()) {
 *     URI base = sim.baseUrl();
 *     sim.faults().failNode("7");
 * }
 * </pre>
 */
public final class ComfyUiSimulator implements AutoCloseable {

	private final SimulatorConfig config;

	private final JsonMapper mapper = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

	private final Path dataDir;

	private final FileStore files;

	private final NodeCatalog catalog;

	private final ModelLists models;

	private final Faults faults;

	private final Timings timings = new Timings();

	private volatile ExecutionSettings settings;

	private volatile ServerRun running;

	ComfyUiSimulator(SimulatorConfig config) {
		this.config = config;
		try {
			this.dataDir = config.dataDir().orElse(Files.createTempDirectory("comfyui-simulator-"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.files = new FileStore(this.dataDir);
		NodeCatalog base = NodeCatalog.fromResource(this.mapper, NodeCatalog.DEFAULT_RESOURCE);
		this.catalog = config.extraCatalog().map((p) -> base.plus(NodeCatalog.fromFile(this.mapper, p))).orElse(base);
		this.models = ModelLists.defaults(this.mapper);
		config.modelsDir().ifPresent(this.models::loadDirectory);
		config.models().forEach(this.models::set);
		this.faults = new Faults(config.maxUploadBytes().orElse(SimulatorConfig.DEFAULT_MAX_UPLOAD_BYTES),
				config.maxUploadBytes().isPresent());
		this.settings = new ExecutionSettings(config.stepDelay(), config.nodeDelay(), config.promptDuration(),
				config.previews(), config.profile() == Profile.NEWER);
	}

	/**
	 * A builder with test-friendly defaults: random port, v0.3.64, 1 ms per sampler step.
	 */
	public static SimulatorConfig.Builder builder() {
		return new SimulatorConfig.Builder();
	}

	/** Binds the port and starts the worker. */
	public ComfyUiSimulator start() {
		this.files.clearTemp();
		this.running = newRun(this.config.port());
		return this;
	}

	/** {@code http://127.0.0.1:<port>} (no trailing slash). */
	public URI baseUrl() {
		return URI.create("http://" + hostForUrl() + ":" + port());
	}

	/** {@code ws://127.0.0.1:<port>/ws?clientId=<id>}. */
	public URI webSocketUrl(String clientId) {
		return URI.create("ws://" + hostForUrl() + ":" + port() + "/ws?clientId=" + clientId);
	}

	private String hostForUrl() {
		String host = this.config.host();
		return ("0.0.0.0".equals(host) || "::".equals(host)) ? "127.0.0.1" : host;
	}

	/** The bound port. */
	public int port() {
		return this.running.port();
	}

	/** Faults to inject; changes apply to the next node or request. */
	public Faults faults() {
		return this.faults;
	}

	/** Timing records of every finished prompt, in completion order. */
	public List<PromptTiming> timings() {
		return this.timings.finished();
	}

	/** The timing record of one finished prompt. */
	public Optional<PromptTiming> timing(String promptId) {
		return this.timings.finished().stream().filter((t) -> t.promptId().equals(promptId)).findFirst();
	}

	/** Changes the simulated time per sampler step and per node for later prompts. */
	public ComfyUiSimulator pacing(Duration stepDelay, Duration nodeDelay) {
		this.settings = new ExecutionSettings(stepDelay, nodeDelay, Optional.empty(), this.settings.previews(),
				this.settings.newer());
		return this;
	}

	/**
	 * Makes every later prompt take this long in total, spread over its nodes and steps.
	 */
	public ComfyUiSimulator promptDuration(Duration total) {
		this.settings = new ExecutionSettings(this.settings.stepDelay(), this.settings.nodeDelay(), Optional.of(total),
				this.settings.previews(), this.settings.newer());
		return this;
	}

	/**
	 * Replaces the files a model folder lists (e.g. to make a workflow's model
	 * "missing").
	 */
	public ComfyUiSimulator models(String folder, List<String> files) {
		this.models.set(folder, files);
		return this;
	}

	/** ComfyUI's {@code input/} folder. */
	public Path inputDir() {
		return this.files.input();
	}

	/** ComfyUI's {@code output/} folder. */
	public Path outputDir() {
		return this.files.output();
	}

	/** ComfyUI's {@code temp/} folder. */
	public Path tempDir() {
		return this.files.temp();
	}

	/**
	 * Simulates a server restart on the same port: connections drop, the queue, history
	 * and cache are lost, a running prompt is abandoned, temp files are deleted; outputs
	 * and inputs stay.
	 */
	public ComfyUiSimulator restart() {
		int port = port();
		this.running.stop();
		this.files.clearTemp();
		this.running = newRun(port);
		return this;
	}

	/** Stops the server and deletes the data directory if the simulator created it. */
	@Override
	public void close() {
		if (this.running != null) {
			this.running.stop();
		}
		if (this.config.dataDir().isEmpty()) {
			try (Stream<Path> walk = Files.walk(this.dataDir)) {
				walk.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
			catch (IOException ex) {
				// best effort: a temp directory left behind is harmless
			}
		}
	}

	private ServerRun newRun(int port) {
		return new ServerRun(this.config, this.mapper, this.files, this.models, this::snapshot, () -> this.settings,
				this.faults, this.timings, port);
	}

	private CatalogSnapshot snapshot() {
		return this.catalog.snapshot(this.models, this.files.inputImages());
	}

}
