package io.vstage.simulator.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import io.vstage.simulator.http.Reply;
import io.vstage.simulator.http.Request;

/**
 * {@code /view}'s {@code preview} and {@code channel} options. The JDK cannot encode
 * WebP, so a WebP preview is answered as JPEG (the one approximation of this endpoint).
 */
final class Previews {

	private Previews() {
	}

	static Optional<Reply.Http> transform(Path file, Request request) throws IOException {
		Optional<String> preview = request.param("preview");
		String channel = request.param("channel").orElse("");
		boolean channelApplies = "rgb".equals(channel) || "a".equals(channel);
		if (preview.isEmpty() && !channelApplies) {
			return Optional.empty();
		}
		BufferedImage image = ImageIO.read(file.toFile());
		if (image == null) {
			throw new IOException("not an image: " + file.getFileName());
		}
		if (preview.isPresent()) {
			String[] spec = preview.get().split(";");
			int quality = (spec.length > 1) ? Integer.parseInt(spec[1].strip()) : 90;
			return Optional.of(Reply.bytes(200, "image/jpeg", jpeg(rgb(image), quality)));
		}
		BufferedImage out = "rgb".equals(channel) ? rgb(image) : alpha(image);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(out, "png", png);
		return Optional.of(Reply.bytes(200, "image/png", png.toByteArray()));
	}

	private static BufferedImage rgb(BufferedImage image) {
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		rgb.getGraphics().drawImage(image, 0, 0, null);
		return rgb;
	}

	private static BufferedImage alpha(BufferedImage image) {
		BufferedImage a = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int alpha = image.getColorModel().hasAlpha() ? (image.getRGB(x, y) >>> 24) : 255;
				a.setRGB(x, y, alpha << 24);
			}
		}
		return a;
	}

	private static byte[] jpeg(BufferedImage image, int quality) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(Math.max(0, Math.min(100, quality)) / 100f);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(stream);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

}
