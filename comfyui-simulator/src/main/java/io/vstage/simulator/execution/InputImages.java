package io.vstage.simulator.execution;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

import javax.imageio.ImageIO;

/**
 * LoadImage's reading of the input file: a real decode, failing as Pillow does on other
 * bytes.
 */
final class InputImages {

	private final Function<String, Optional<Path>> resolver;

	InputImages(Function<String, Optional<Path>> resolver) {
		this.resolver = resolver;
	}

	BufferedImage load(String name) {
		Path file = this.resolver.apply(name)
			.filter(Files::isRegularFile)
			.orElseThrow(
					() -> new NodeFailure("FileNotFoundError", "[Errno 2] No such file or directory: '" + name + "'"));
		try {
			byte[] bytes = Files.readAllBytes(file);
			BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
			if (image != null) {
				return image;
			}
			if (isWebp(bytes)) {
				// the JDK has no WebP decoder: stand in with a neutral picture of a
				// typical size
				return SimImages.blank(768, 512, new Color(150, 140, 130));
			}
		}
		catch (IOException ex) {
			// undecodable: reported below exactly like Pillow's refusal
		}
		throw new NodeFailure("PIL.UnidentifiedImageError", "cannot identify image file '" + file + "'");
	}

	private static boolean isWebp(byte[] bytes) {
		return bytes.length > 12 && Arrays.equals(Arrays.copyOfRange(bytes, 0, 4), "RIFF".getBytes())
				&& Arrays.equals(Arrays.copyOfRange(bytes, 8, 12), "WEBP".getBytes());
	}

}
