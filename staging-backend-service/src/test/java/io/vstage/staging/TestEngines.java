package io.vstage.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real parts the shared context talks to, started once per test JVM.
 */
public final class TestEngines {

	/** The first version's production workflow, read in place (never copied). */
	public static final Path ORIGINAL_JOGER = Path.of("..", "..", "shared", "fixtures", "joger.original.json")
		.toAbsolutePath()
		.normalize();

	private static final KeyManagerStub KEY_MANAGER = new KeyManagerStub();

	private TestEngines() {
	}

	public static String urls() {
		return "http://127.0.0.1:1";
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
