package io.vstage.simulator.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** ComfyUI's three folders under one data directory. */
public final class FileStore {

	private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "webp", "gif", "bmp", "tif",
			"tiff", "avif", "jfif", "ico", "svg", "heic", "heif", "apng");

	private final Path input;

	private final Path output;

	private final Path temp;

	/**
	 * A store rooted at a data directory: {@code input/}, {@code output/}, {@code temp/}.
	 * @param dataDir the root, created if missing
	 */
	public FileStore(Path dataDir) {
		Path root = dataDir.toAbsolutePath().normalize();
		this.input = root.resolve("input");
		this.output = root.resolve("output");
		this.temp = root.resolve("temp");
		try {
			Files.createDirectories(this.input);
			Files.createDirectories(this.output);
			Files.createDirectories(this.temp);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Empties {@code temp/}, as ComfyUI does when it starts. */
	public void clearTemp() {
		try (Stream<Path> walk = Files.walk(this.temp)) {
			walk.sorted(Comparator.reverseOrder())
				.filter((p) -> !p.equals(this.temp))
				.forEach((p) -> p.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The folder for {@code input}, {@code output} or {@code temp}. */
	public Optional<Path> dir(String type) {
		return switch (type) {
			case "input" -> Optional.of(this.input);
			case "output" -> Optional.of(this.output);
			case "temp" -> Optional.of(this.temp);
			default -> Optional.empty();
		};
	}

	/** The input folder. */
	public Path input() {
		return this.input;
	}

	/** The output folder. */
	public Path output() {
		return this.output;
	}

	/** The temp folder. */
	public Path temp() {
		return this.temp;
	}

	/**
	 * Splits a trailing {@code " [input]"}, {@code " [output]"} or {@code " [temp]"} off
	 * a name.
	 * @param name the possibly annotated name
	 * @return the bare name and the folder it names, if any
	 */
	public Annotated annotated(String name) {
		for (String type : new String[] { "input", "output", "temp" }) {
			String suffix = " [" + type + "]";
			if (name.endsWith(suffix)) {
				return new Annotated(name.substring(0, name.length() - suffix.length()), dir(type));
			}
		}
		return new Annotated(name, Optional.empty());
	}

	/**
	 * A name with its annotation removed.
	 *
	 * @param name the bare name
	 * @param dir the folder named by the annotation
	 */
	public record Annotated(String name, Optional<Path> dir) {
	}

	/** LoadImage's check: the (annotated) name exists, relative to input by default. */
	public boolean annotatedExists(String name) {
		return resolveAnnotated(name).map(Files::exists).orElse(false);
	}

	/** The file an (annotated) LoadImage name points at. */
	public Optional<Path> resolveAnnotated(String name) {
		Annotated a = annotated(name);
		if (a.name().isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(a.dir().orElse(this.input).resolve(a.name()).normalize());
	}

	/**
	 * Image files at the top level of {@code input/}, sorted, as LoadImage lists them.
	 */
	public List<String> inputImages() {
		try (Stream<Path> files = Files.list(this.input)) {
			return files.filter(Files::isRegularFile)
				.map((p) -> p.getFileName().toString())
				.filter(FileStore::isImageName)
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static boolean isImageName(String name) {
		int dot = name.lastIndexOf('.');
		return dot >= 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	/** The sha256 of a file's bytes, hex. */
	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}

}
