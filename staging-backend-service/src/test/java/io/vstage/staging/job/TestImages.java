package io.vstage.staging.job;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Image bytes for tests: real encodings, truncated ones and forged headers.
 */
public final class TestImages {

	private TestImages() {
	}

	public static byte[] jpeg(int width, int height) {
		return encode(width, height, "jpg");
	}

	public static byte[] png(int width, int height) {
		return encode(width, height, "png");
	}

	public static byte[] truncated(byte[] image) {
		return Arrays.copyOf(image, image.length * 2 / 3);
	}

	/** A PNG whose header declares {@code width} x {@code height} over a tiny body. */
	public static byte[] pngDeclaring(int width, int height) {
		byte[] png = png(8, 8);
		ByteBuffer buffer = ByteBuffer.wrap(png).order(ByteOrder.BIG_ENDIAN);
		buffer.putInt(16, width);
		buffer.putInt(20, height);
		CRC32 crc = new CRC32();
		crc.update(png, 12, 17);
		buffer.putInt(29, (int) crc.getValue());
		return png;
	}

	/** A PNG claiming 1x1 pixels in front of megabytes of data. */
	public static byte[] pngWithLyingSmallHeader() {
		byte[] real = png(1000, 1000);
		byte[] forged = pngDeclaring(1, 1);
		byte[] result = new byte[forged.length + 2_000_000];
		System.arraycopy(forged, 0, result, 0, 33);
		System.arraycopy(forged, 33, result, result.length - (forged.length - 33), forged.length - 33);
		return (real.length > 0) ? result : forged;
	}

	/** A minimal lossless WebP header (VP8L) declaring {@code width} x {@code height}. */
	public static byte[] webp(int width, int height) {
		ByteBuffer buffer = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
		buffer.put("RIFF".getBytes()).putInt(32).put("WEBP".getBytes()).put("VP8L".getBytes()).putInt(20);
		buffer.put((byte) 0x2f).putInt(((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14));
		return buffer.array();
	}

	private static byte[] encode(int width, int height, String format) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(200, 190, 170));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.DARK_GRAY);
		g.fillRect(width / 4, height / 2, width / 2, height / 4);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
