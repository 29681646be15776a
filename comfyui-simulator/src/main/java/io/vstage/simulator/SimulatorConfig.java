package io.vstage.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a simulator is set up.
 *
 * @param host the address to listen on
 * @param port the port, 0 for a free one
 * @param profile the version profile
 * @param stepDelay time per sampler step
 * @param nodeDelay time per executed node
 * @param promptDuration a fixed total time per prompt, overriding the two delays
 * @param dataDir where input/, output/ and temp/ live; a temp directory (deleted on
 * close) when empty
 * @param models model lists per folder, replacing the defaults of those folders
 * @param modelsDir a ComfyUI-style {@code models/} directory whose sub-folders are listed
 * @param extraCatalog an extra {@code /object_info} file with more node classes
 * @param maxUploadBytes the request body limit; empty for ComfyUI's default of 100 MB (a
 * configured limit is reported as a float by {@code /features}, as when given on
 * ComfyUI's command line)
 * @param corsOrigin {@code --enable-cors-header} origin; empty for the default origin
 * check
 * @param previews whether sampler steps send binary previews
 * @param v3ComboForm whether V3 nodes serve combos as {@code ["COMBO", {options}]} like a
 * real server
 * @param argv what {@code /system_stats} reports as the command line
 */
public record SimulatorConfig(String host, int port, Profile profile, Duration stepDelay, Duration nodeDelay,
		Optional<Duration> promptDuration, Optional<Path> dataDir, Map<String, List<String>> models,
		Optional<Path> modelsDir, Optional<Path> extraCatalog, OptionalLong maxUploadBytes, Optional<String> corsOrigin,
		boolean previews, boolean v3ComboForm, List<String> argv) {

	/** ComfyUI's default {@code --max-upload-size} of 100 MB. */
	public static final long DEFAULT_MAX_UPLOAD_BYTES = 100L * 1024 * 1024;

	/** Builds a {@link SimulatorConfig} and the simulator from it. */
	public static final class Builder {

		private String host = "127.0.0.1";

		private int port;

		private Profile profile = Profile.V0_3_64;

		private Duration stepDelay = Duration.ofMillis(1);

		private Duration nodeDelay = Duration.ZERO;

		private Duration promptDuration;

		private Path dataDir;

		private final Map<String, List<String>> models = new LinkedHashMap<>();

		private Path modelsDir;

		private Path extraCatalog;

		private Long maxUploadBytes;

		private String corsOrigin;

		private boolean previews;

		private boolean v3ComboForm = true;

		private List<String> argv = List.of("comfyui-simulator");

		Builder() {
		}

		/** The listen address (default 127.0.0.1). */
		public Builder host(String host) {
			this.host = host;
			return this;
		}

		/** The port (default 0: a free one). */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/** The version profile (default v0.3.64). */
		public Builder profile(Profile profile) {
			this.profile = profile;
			return this;
		}

		/** Time per sampler step (default 1 ms). */
		public Builder stepDelay(Duration stepDelay) {
			this.stepDelay = stepDelay;
			return this;
		}

		/** Time per executed node (default 0). */
		public Builder nodeDelay(Duration nodeDelay) {
			this.nodeDelay = nodeDelay;
			return this;
		}

		/** A fixed total time per prompt, spread over its nodes and steps. */
		public Builder promptDuration(Duration promptDuration) {
			this.promptDuration = promptDuration;
			return this;
		}

		/** Keep files in this directory instead of a temp one. */
		public Builder dataDir(Path dataDir) {
			this.dataDir = dataDir;
			return this;
		}

		/** The files one model folder lists (e.g. {@code checkpoints}). */
		public Builder models(String folder, List<String> files) {
			this.models.put(folder, List.copyOf(files));
			return this;
		}

		/** List the files of a ComfyUI-style {@code models/} directory. */
		public Builder modelsDir(Path modelsDir) {
			this.modelsDir = modelsDir;
			return this;
		}

		/** Add node classes from a saved {@code /object_info} file. */
		public Builder extraCatalog(Path file) {
			this.extraCatalog = file;
			return this;
		}

		/** The request body limit (default 104,857,600 bytes). */
		public Builder maxUploadBytes(long bytes) {
			this.maxUploadBytes = bytes;
			return this;
		}

		/** CORS mode with this origin ({@code *} for any) instead of the origin check. */
		public Builder corsOrigin(String origin) {
			this.corsOrigin = origin;
			return this;
		}

		/** Send binary previews at every sampler step. */
		public Builder previews(boolean previews) {
			this.previews = previews;
			return this;
		}

		/** Serve V3 combos in the classic form instead of {@code ["COMBO", {...}]}. */
		public Builder classicComboForm() {
			this.v3ComboForm = false;
			return this;
		}

		/** The command line {@code /system_stats} reports. */
		public Builder argv(List<String> argv) {
			this.argv = List.copyOf(argv);
			return this;
		}

		/** The configuration. */
		public SimulatorConfig config() {
			return new SimulatorConfig(this.host, this.port, this.profile, this.stepDelay, this.nodeDelay,
					Optional.ofNullable(this.promptDuration), Optional.ofNullable(this.dataDir),
					Map.copyOf(this.models), Optional.ofNullable(this.modelsDir),
					Optional.ofNullable(this.extraCatalog),
					(this.maxUploadBytes != null) ? OptionalLong.of(this.maxUploadBytes) : OptionalLong.empty(),
					Optional.ofNullable(this.corsOrigin), this.previews, this.v3ComboForm, this.argv);
		}

		/** A simulator, not yet started. */
		public ComfyUiSimulator build() {
			return new ComfyUiSimulator(config());
		}

	}

}
