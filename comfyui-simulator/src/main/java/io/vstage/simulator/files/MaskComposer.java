package io.vstage.simulator.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javax.imageio.ImageIO;

import io.vstage.simulator.http.Multipart;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /upload/mask}'s save step: the image named by {@code original_ref} gets the
 * uploaded image's alpha channel. As in ComfyUI, an original that is missing or out of
 * bounds writes nothing, yet the upload still answers 200.
 */
final class MaskComposer {

	private final FileStore files;

	private final JsonMapper mapper;

	MaskComposer(FileStore files, JsonMapper mapper) {
		this.files = files;
		this.mapper = mapper;
	}

	void compose(Multipart form, byte[] maskBytes, Path target) throws IOException {
		// a missing original_ref is json.loads(None): a TypeError, hence a 500
		JsonNode ref = this.mapper.readTree(
				form.text("original_ref").orElseThrow(() -> new IllegalArgumentException("original_ref is missing")));
		Optional<Path> original = original(ref);
		if (original.isEmpty() || !Files.isRegularFile(original.get())) {
			return;
		}
		BufferedImage base = ImageIO.read(original.get().toFile());
		BufferedImage mask = ImageIO.read(new ByteArrayInputStream(maskBytes));
		if (base == null || mask == null) {
			throw new IOException("cannot identify image file");
		}
		if (base.getWidth() != mask.getWidth() || base.getHeight() != mask.getHeight()) {
			throw new IOException("images do not match");
		}
		BufferedImage out = new BufferedImage(base.getWidth(), base.getHeight(), BufferedImage.TYPE_INT_ARGB);
		for (int y = 0; y < base.getHeight(); y++) {
			for (int x = 0; x < base.getWidth(); x++) {
				int alpha = mask.getColorModel().hasAlpha() ? (mask.getRGB(x, y) >>> 24) : 255;
				out.setRGB(x, y, (alpha << 24) | (base.getRGB(x, y) & 0xFFFFFF));
			}
		}
		ImageIO.write(out, "png", target.toFile());
	}

	private Optional<Path> original(JsonNode ref) {
		FileStore.Annotated annotated = this.files.annotated(ref.path("filename").asString(""));
		String name = annotated.name();
		if (name.isEmpty() || name.startsWith("/") || name.contains("..")) {
			return Optional.empty();
		}
		Optional<Path> base = annotated.dir().or(() -> this.files.dir(ref.path("type").asString("output")));
		if (base.isEmpty()) {
			return Optional.empty();
		}
		Path dir = base.get();
		String subfolder = ref.path("subfolder").asString("");
		if (!subfolder.isEmpty()) {
			dir = dir.resolve(subfolder).toAbsolutePath().normalize();
			if (!dir.startsWith(base.get())) {
				return Optional.empty();
			}
		}
		return Optional.of(dir.resolve(name));
	}

}
