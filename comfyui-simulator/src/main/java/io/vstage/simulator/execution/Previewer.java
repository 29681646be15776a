package io.vstage.simulator.execution;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

/** A small JPEG of the picture a sampler is working on, for binary preview frames. */
final class Previewer {

	private static final int SIZE = 128;

	private Previewer() {
	}

	static byte[] jpeg(Map<String, Object> inputs) {
		BufferedImage source = null;
		for (Object value : inputs.values()) {
			if (value instanceof Values.Latent(BufferedImage image)) {
				source = image;
			}
		}
		BufferedImage thumb = (source != null)
				? SimImages.scale(source, SIZE, SIZE * source.getHeight() / source.getWidth())
				: SimImages.blank(SIZE, SIZE, java.awt.Color.GRAY);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(thumb, "jpeg", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
