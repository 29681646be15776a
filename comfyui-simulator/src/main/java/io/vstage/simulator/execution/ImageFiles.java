package io.vstage.simulator.execution;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * SaveImage's and PreviewImage's file naming: {@code <prefix>_<counter:05d>_.png},
 * counter continued.
 */
final class ImageFiles {

	private static final String PNG_METADATA = "javax_imageio_png_1.0";

	private ImageFiles() {
	}

	/**
	 * Writes a labelled PNG and describes it as the UI output entry.
	 * @param base the output or temp folder
	 * @param type {@code output} or {@code temp}
	 * @param prefix the filename prefix; a {@code /} in it becomes the subfolder
	 * @param image the picture
	 * @param text PNG text chunks, as SaveImage writes the prompt and
	 * {@code extra_pnginfo}
	 * @return {@code {"filename", "subfolder", "type"}}
	 */
	static ObjectNode save(Path base, String type, String prefix, BufferedImage image, Map<String, String> text) {
		String expanded = expand(prefix, image);
		int slash = expanded.lastIndexOf('/');
		String subfolder = (slash >= 0) ? expanded.substring(0, slash) : "";
		String stem = expanded.substring(slash + 1);
		Path folder = base.resolve(subfolder).normalize();
		if (!folder.startsWith(base)) {
			throw new NodeFailure("Exception", "Saving image outside the output folder is not allowed."
					+ "\n full_output_folder: " + folder + "\n         output_dir: " + base);
		}
		try {
			Files.createDirectories(folder);
			synchronized (ImageFiles.class) {
				String filename = String.format(Locale.ROOT, "%s_%05d_.png", stem, nextCounter(folder, stem));
				writePng(SimImages.labelled(image), folder.resolve(filename), text);
				ObjectNode entry = JsonNodeFactory.instance.objectNode();
				entry.put("filename", filename);
				entry.put("subfolder", subfolder);
				entry.put("type", type);
				return entry;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** PreviewImage's prefix: {@code ComfyUI_temp_} and five random letters. */
	static String previewPrefix() {
		StringBuilder sb = new StringBuilder("ComfyUI_temp_");
		for (int i = 0; i < 5; i++) {
			sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return sb.toString();
	}

	private static int nextCounter(Path folder, String stem) throws IOException {
		int max = 0;
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.toList()) {
				String name = file.getFileName().toString();
				if (name.startsWith(stem + "_")) {
					String rest = name.substring(stem.length() + 1);
					int end = rest.indexOf('_');
					if (end > 0 && rest.substring(0, end).chars().allMatch(Character::isDigit)) {
						max = Math.max(max, Integer.parseInt(rest.substring(0, end)));
					}
				}
			}
		}
		return max + 1;
	}

	private static String expand(String prefix, BufferedImage image) {
		LocalDateTime now = LocalDateTime.now();
		return prefix.replace("%width%", Integer.toString(image.getWidth()))
			.replace("%height%", Integer.toString(image.getHeight()))
			.replace("%year%", Integer.toString(now.getYear()))
			.replace("%month%", String.format("%02d", now.getMonthValue()))
			.replace("%day%", String.format("%02d", now.getDayOfMonth()))
			.replace("%hour%", String.format("%02d", now.getHour()))
			.replace("%minute%", String.format("%02d", now.getMinute()))
			.replace("%second%", String.format("%02d", now.getSecond()))
			.replace("%batch_num%", "0");
	}

	static void writePng(BufferedImage image, Path file, Map<String, String> text) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		// fast compression: the simulator writes many files and nobody needs them small
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(0.9f);
		IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
		if (!text.isEmpty()) {
			IIOMetadataNode chunks = new IIOMetadataNode("tEXt");
			text.forEach((keyword, value) -> {
				IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
				entry.setAttribute("keyword", keyword);
				entry.setAttribute("value", value);
				chunks.appendChild(entry);
			});
			IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA);
			root.appendChild(chunks);
			metadata.mergeTree(PNG_METADATA, root);
		}
		try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
			writer.setOutput(out);
			writer.write(null, new IIOImage(image, null, metadata), param);
		}
		finally {
			writer.dispose();
		}
	}

}
