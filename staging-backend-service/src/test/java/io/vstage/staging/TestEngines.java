package io.vstage.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.vstage.simulator.ComfyUiSimulator;
import io.vstage.testsupport.Fixtures;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real parts the shared context talks to, started once per test JVM.
 */
public final class TestEngines {

	/** The first version's production workflow, byte for byte, as a file. */
	public static final Path ORIGINAL_JOGER = Fixtures.file(Fixtures.ORIGINAL_JOGER);

	private static final KeyManagerStub KEY_MANAGER = new KeyManagerStub();

	private static final ComfyUiSimulator SIMULATOR = startShared();

	private TestEngines() {
	}

	private static ComfyUiSimulator startShared() {
		ComfyUiSimulator simulator = startSimulator();
		Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
		return simulator;
	}

	public static String urls() {
		return SIMULATOR.baseUrl().toString();
	}

	/**
	 * The simulator of the shared context, back at its default pacing and without faults.
	 */
	public static ComfyUiSimulator simulator() {
		return SIMULATOR;
	}

	/** A new simulator with the test pacing; the caller closes it. */
	public static ComfyUiSimulator startSimulator() {
		return ComfyUiSimulator.builder()
			.stepDelay(Duration.ofMillis(2))
			.nodeDelay(Duration.ofMillis(5))
			.build()
			.start();
	}

	/** Back to fast prompts and no faults. */
	public static void reset(ComfyUiSimulator simulator) {
		simulator.faults().clear();
		simulator.pacing(Duration.ofMillis(2), Duration.ofMillis(5));
	}

	public static KeyManagerStub keyManager() {
		return KEY_MANAGER;
	}

	public static String keyManagerUrl() {
		return KEY_MANAGER.url();
	}

	/**
	 * A binding for {@code joger.original.json}: joger's binding (same node ids) pointed
	 * at the fixture file by absolute path, as workflow {@code joger-original}.
	 */
	public static String originalJogerBinding() {
		try (InputStream in = TestEngines.class.getClassLoader().getResourceAsStream("workflows/joger.binding.json")) {
			JsonMapper json = JsonMapper.builder().build();
			ObjectNode binding = (ObjectNode) json.readTree(in);
			binding.put("id", "joger-original");
			binding.put("workflow", ORIGINAL_JOGER.toUri().toString());
			Path file = Files.createTempFile("joger-original", ".binding.json");
			Files.writeString(file, json.writeValueAsString(binding));
			return file.toUri().toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
