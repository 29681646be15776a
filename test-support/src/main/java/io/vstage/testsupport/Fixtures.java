package io.vstage.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files the tests need that the project keeps as they were given to it, read from this
 * module's classpath (a clone needs nothing beside it).
 */
public final class Fixtures {

	/**
	 * The workflow the first version ran in production, byte for byte: the backend must
	 * drive it unchanged.
	 */
	public static final String ORIGINAL_JOGER = "fixtures/joger.original.json";

	private Fixtures() {
	}

	/** The bytes of a fixture. */
	public static byte[] bytes(String name) {
		try (InputStream in = open(name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A fixture copied to a temporary file, for code that takes a path or file URI; the
	 * file is deleted when the JVM exits.
	 */
	public static Path file(String name) {
		try (InputStream in = open(name)) {
			String fileName = Path.of(name).getFileName().toString();
			Path file = Files.createTempFile("fixture-", "-" + fileName);
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static InputStream open(String name) {
		InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(name);
		if (in == null) {
			throw new IllegalArgumentException("No fixture " + name + " on the classpath (module test-support)");
		}
		return in;
	}

}
