package io.vstage.simulator;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar comfyui-simulator.jar --port 8188 ...}: the simulator as a standalone
 * server.
 */
public final class SimulatorMain {

	private static final String USAGE = """
			usage: java -jar comfyui-simulator.jar [options]
			  --port N              port (default 8188; 0 picks a free one)
			  --listen HOST         listen address (default 127.0.0.1)
			  --profile P           v0.3.64 (default) or newer
			  --step-millis N       time per sampler step (default 20)
			  --node-millis N       time per executed node (default 10)
			  --prompt-millis N     fixed time per prompt, spread over nodes and steps (overrides the two above)
			  --data-dir DIR        keep input/, output/, temp/ here (default: a temp directory, deleted on exit)
			  --models-dir DIR      list models from DIR/<folder>/ (e.g. DIR/checkpoints/x.safetensors)
			  --models SPEC         model lists: folder=a,b;folder2=c (replace those folders' defaults)
			  --object-info FILE    add node classes from a saved /object_info JSON file
			  --max-upload-size MB  request body limit in MB (default 100)
			  --enable-cors-header [ORIGIN]  CORS mode (default origin *) instead of the origin check
			  --preview             send binary previews at every sampler step
			""";

	private SimulatorMain() {
	}

	/** Starts the server and keeps it running until the process is stopped. */
	public static void main(String[] args) throws InterruptedException {
		System.setProperty("java.awt.headless", "true");
		SimulatorConfig.Builder builder;
		try {
			builder = parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(USAGE);
			System.exit(2);
			return;
		}
		ComfyUiSimulator simulator;
		try {
			simulator = builder.build().start();
		}
		catch (UncheckedIOException | IllegalArgumentException ex) {
			// a busy port or a missing directory: say so in one line instead of a stack
			// trace
			System.err.println("comfyui-simulator: " + ex.getMessage()
					+ ((ex.getCause() != null) ? " (" + ex.getCause().getMessage() + ")" : ""));
			System.exit(1);
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
		System.out.println("comfyui-simulator (SIMULATED engine, not AI) listening on " + simulator.baseUrl());
		new CountDownLatch(1).await();
	}

	static SimulatorConfig.Builder parse(String[] args) {
		SimulatorConfig.Builder b = ComfyUiSimulator.builder()
			.port(8188)
			.stepDelay(Duration.ofMillis(20))
			.nodeDelay(Duration.ofMillis(10));
		List<String> argv = new java.util.ArrayList<>(List.of("comfyui-simulator"));
		argv.addAll(Arrays.asList(args));
		b.argv(argv);
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--port" -> b.port(Integer.parseInt(value(args, ++i, arg)));
				case "--listen" -> b.host(value(args, ++i, arg));
				case "--profile" -> b.profile(Profile.parse(value(args, ++i, arg)));
				case "--step-millis" -> b.stepDelay(Duration.ofMillis(Long.parseLong(value(args, ++i, arg))));
				case "--node-millis" -> b.nodeDelay(Duration.ofMillis(Long.parseLong(value(args, ++i, arg))));
				case "--prompt-millis" -> b.promptDuration(Duration.ofMillis(Long.parseLong(value(args, ++i, arg))));
				case "--data-dir" -> b.dataDir(Path.of(value(args, ++i, arg)));
				case "--models-dir" -> b.modelsDir(Path.of(value(args, ++i, arg)));
				case "--models" -> models(b, value(args, ++i, arg));
				case "--object-info" -> b.extraCatalog(Path.of(value(args, ++i, arg)));
				case "--max-upload-size" ->
					b.maxUploadBytes(Math.round(Double.parseDouble(value(args, ++i, arg)) * 1024 * 1024));
				case "--enable-cors-header" -> {
					boolean hasOrigin = i + 1 < args.length && !args[i + 1].startsWith("--");
					b.corsOrigin(hasOrigin ? args[++i] : "*");
				}
				case "--preview" -> b.previews(true);
				case "-h", "--help" -> throw new IllegalArgumentException("comfyui-simulator");
				default -> throw new IllegalArgumentException("unknown option " + arg);
			}
		}
		return b;
	}

	private static void models(SimulatorConfig.Builder b, String spec) {
		for (String folder : spec.split(";")) {
			int eq = folder.indexOf('=');
			if (eq <= 0) {
				throw new IllegalArgumentException("--models expects folder=a,b;folder2=c, got " + spec);
			}
			List<String> files = Arrays.stream(folder.substring(eq + 1).split(","))
				.map(String::strip)
				.filter((f) -> !f.isEmpty())
				.toList();
			b.models(folder.substring(0, eq).strip(), files);
		}
	}

	private static String value(String[] args, int i, String option) {
		if (i >= args.length) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[i];
	}

}
