package io.vstage.systemtests;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Room photos made on the fly (an empty room: floor, walls, a window), and a fake one.
 */
final class Photos {

	private static final Path DIR = Path.of("target", "photos");

	private Photos() {
	}

	/** A JPEG of an empty room, tinted so that two photos are told apart. */
	static Path emptyRoom(String name, Color wall) {
		Path file = DIR.resolve(name + ".jpg");
		if (Files.exists(file)) {
			return file.toAbsolutePath();
		}
		BufferedImage image = new BufferedImage(768, 512, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setPaint(new GradientPaint(0, 0, wall, 0, 340, wall.darker()));
		g.fillRect(0, 0, 768, 340);
		g.setPaint(new GradientPaint(0, 340, new Color(150, 110, 70), 0, 512, new Color(110, 75, 45)));
		g.fillRect(0, 340, 768, 172);
		g.setColor(new Color(210, 230, 250));
		g.fillRect(300, 80, 170, 150);
		g.setColor(Color.WHITE);
		g.fillRect(380, 80, 10, 150);
		g.dispose();
		try {
			Files.createDirectories(DIR);
			ImageIO.write(image, "jpg", file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file.toAbsolutePath();
	}

	/**
	 * The first bytes of a JPEG: right signature, so the browser lets it through; the
	 * backend must refuse it.
	 */
	static Path truncatedJpeg() {
		Path file = DIR.resolve("truncated.jpg");
		try {
			byte[] whole = Files.readAllBytes(emptyRoom("whole", Color.WHITE));
			Files.write(file, java.util.Arrays.copyOf(whole, 700));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file.toAbsolutePath();
	}

	/** A text file with an image's name: the UI must reject it by its content. */
	static Path notAnImage() {
		Path file = DIR.resolve("notes.jpg");
		try {
			Files.createDirectories(DIR);
			Files.writeString(file, "these are not the pixels you are looking for");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file.toAbsolutePath();
	}

}
