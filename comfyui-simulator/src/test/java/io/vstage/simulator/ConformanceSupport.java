package io.vstage.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The server under test: the simulator, or a real ComfyUI when
 * {@code COMFYUI_CONFORMANCE_URL} is set (then the fault-injection cases skip). Every
 * conformance class starts its own.
 */
abstract class ConformanceSupport {

	/**
	 * A real ComfyUI to run the same suite against, e.g. {@code http://127.0.0.1:8188}.
	 */
	static final Optional<String> REAL_SERVER = Optional.ofNullable(System.getenv("COMFYUI_CONFORMANCE_URL"))
		.filter((u) -> !u.isBlank());

	static ComfyUiSimulator sim;

	static ComfyClient client;

	@BeforeAll
	static void startTarget() {
		if (REAL_SERVER.isPresent()) {
			sim = null;
			client = new ComfyClient(URI.create(REAL_SERVER.get().replaceAll("/+$", "")));
			return;
		}
		sim = ComfyUiSimulator.builder().stepDelay(Duration.ofMillis(2)).build().start();
		client = new ComfyClient(sim.baseUrl());
	}

	@AfterAll
	static void stopTarget() {
		if (sim != null) {
			sim.close();
			sim = null;
		}
	}

	/** Skips a case that needs the simulator's fault hooks. */
	static void assumeSimulator() {
		assumeTrue(sim != null, "needs the simulator's fault hooks; skipped against a real ComfyUI");
	}

}
