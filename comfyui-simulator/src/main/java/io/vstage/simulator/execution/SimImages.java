package io.vstage.simulator.execution;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Image operations of the simulated nodes (java.awt, headless). */
final class SimImages {

	static final String LABEL = "SIMULATED";

	private SimImages() {
	}

	static BufferedImage blank(int width, int height, Color color) {
		BufferedImage image = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(color);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.dispose();
		return image;
	}

	static BufferedImage scale(BufferedImage source, int width, int height) {
		BufferedImage out = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(source, 0, 0, out.getWidth(), out.getHeight(), null);
		g.dispose();
		return out;
	}

	/**
	 * A colour wash that depends on the seed, so different seeds give visibly different
	 * images.
	 */
	static BufferedImage tint(BufferedImage source, long seed, double strength) {
		BufferedImage out = scale(source, source.getWidth(), source.getHeight());
		float hue = (float) ((seed * 0.618033988749895) % 1.0);
		Graphics2D g = out.createGraphics();
		g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER,
				(float) Math.max(0.05, Math.min(0.5, strength * 0.35))));
		g.setColor(Color.getHSBColor(Math.abs(hue), 0.6f, 0.9f));
		g.fillRect(0, 0, out.getWidth(), out.getHeight());
		g.dispose();
		return out;
	}

	static BufferedImage grey(BufferedImage source) {
		BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = out.createGraphics();
		g.drawImage(source, 0, 0, null);
		g.dispose();
		return out;
	}

	/**
	 * Draws the "SIMULATED" label across the image, so no one mistakes it for AI output.
	 * The letters are a built-in 5x7 bitmap font, so it works on machines without any
	 * fonts.
	 */
	static BufferedImage labelled(BufferedImage source) {
		BufferedImage out = scale(source, source.getWidth(), source.getHeight());
		Graphics2D g = out.createGraphics();
		int cell = Math.max(1, out.getWidth() / (LABEL.length() * 6 + 2));
		int textWidth = LABEL.length() * 6 * cell - cell;
		int x0 = (out.getWidth() - textWidth) / 2;
		int y0 = (out.getHeight() - 7 * cell) / 2;
		g.setColor(new Color(0, 0, 0, 160));
		g.fillRect(0, y0 - 2 * cell, out.getWidth(), 11 * cell);
		g.setColor(Color.WHITE);
		for (int i = 0; i < LABEL.length(); i++) {
			String[] rows = Glyphs.of(LABEL.charAt(i));
			for (int row = 0; row < rows.length; row++) {
				for (int col = 0; col < rows[row].length(); col++) {
					if (rows[row].charAt(col) == '#') {
						g.fillRect(x0 + (i * 6 + col) * cell, y0 + row * cell, cell, cell);
					}
				}
			}
		}
		g.dispose();
		return out;
	}

}
