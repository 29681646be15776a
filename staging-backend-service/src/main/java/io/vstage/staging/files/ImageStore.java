package io.vstage.staging.files;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.vstage.staging.StagingProperties;

/**
 * The files of each job under {@code <storage>/jobs/<job id>/}; names are ours, never the
 * client's.
 */
@Component
public class ImageStore {

	private static final int THUMBNAIL_WIDTH = 320;

	private final Path root;

	private final ExecutorService derivatives = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("image-derivatives").factory());

	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	ImageStore(StagingProperties properties) throws IOException {
		this.root = properties.storageDir().toAbsolutePath().resolve("jobs");
		Files.createDirectories(this.root);
	}

	/** The URL path under which a job file is served. */
	public static String path(String jobId, String name) {
		return "/api/v1/staging/files/" + jobId + "/" + name;
	}

	public static String inputName(int index, String extension) {
		return "input-" + index + "." + extension;
	}

	public static String pngName(int position) {
		return "image-" + position + ".png";
	}

	public static String jpegName(int position) {
		return "image-" + position + ".jpg";
	}

	public static String thumbnailName(int position) {
		return "image-" + position + "-thumb.jpg";
	}

	public Path jobDir(String jobId) {
		return this.root.resolve(jobId);
	}

	/** Moves an upload into the job's folder under a name of ours. */
	public Path keepInput(String jobId, int index, String extension, Path upload) throws IOException {
		Path target = jobDir(jobId).resolve(inputName(index, extension));
		Files.createDirectories(target.getParent());
		Files.move(upload, target, StandardCopyOption.REPLACE_EXISTING);
		return target;
	}

	/**
	 * Stores an engine output as PNG. Without a label the PNG is moved as is and the JPEG
	 * and thumbnail are made in the background (or on first request), so the image is
	 * ready without waiting for a decode and two encodes; with a label the caption is
	 * burnt in first.
	 */
	public void storeOutput(String jobId, int position, Path png, @Nullable String label) throws IOException {
		Path dir = jobDir(jobId);
		Files.createDirectories(dir);
		if (label != null && !label.isBlank()) {
			BufferedImage image = read(png);
			caption(image, label);
			writeAtomically(image, "png", dir.resolve(pngName(position)));
			writeDerivatives(image, dir, position);
			return;
		}
		Files.move(png, dir.resolve(pngName(position)), StandardCopyOption.REPLACE_EXISTING);
		this.derivatives.execute(() -> {
			try {
				ensureDerivatives(jobId, position);
			}
			catch (IOException ex) {
				// made again on the first request for them
			}
		});
	}

	/** Makes the JPEG and thumbnail of an image unless they exist. */
	public void ensureDerivatives(String jobId, int position) throws IOException {
		Path dir = jobDir(jobId);
		Object lock = this.locks.computeIfAbsent(jobId + "/" + position, (key) -> new Object());
		synchronized (lock) {
			if (Files.exists(dir.resolve(thumbnailName(position))) && Files.exists(dir.resolve(jpegName(position)))) {
				return;
			}
			writeDerivatives(read(dir.resolve(pngName(position))), dir, position);
		}
		this.locks.remove(jobId + "/" + position);
	}

	private static void writeDerivatives(BufferedImage image, Path dir, int position) throws IOException {
		writeAtomically(toRgb(image, image.getWidth(), image.getHeight()), "jpg", dir.resolve(jpegName(position)));
		int height = Math.max(1, image.getHeight() * THUMBNAIL_WIDTH / Math.max(1, image.getWidth()));
		writeAtomically(toRgb(image, THUMBNAIL_WIDTH, height), "jpg", dir.resolve(thumbnailName(position)));
	}

	private static BufferedImage read(Path file) throws IOException {
		BufferedImage image = ImageIO.read(file.toFile());
		if (image == null) {
			throw new IOException("the engine output is not a readable image");
		}
		return image;
	}

	private static void writeAtomically(BufferedImage image, String format, Path target) throws IOException {
		// readers never see a half-written file
		Path temp = target.resolveSibling(target.getFileName() + ".tmp");
		ImageIO.write(image, format, temp.toFile());
		Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	public void deleteJob(String jobId) {
		Path dir = jobDir(jobId);
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static BufferedImage toRgb(BufferedImage source, int width, int height) {
		BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.drawImage(source, 0, 0, width, height, null);
		g.dispose();
		return rgb;
	}

	private static void caption(BufferedImage image, String label) {
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		int size = Math.max(12, image.getHeight() / 30);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
		int width = g.getFontMetrics().stringWidth(label) + size;
		int height = size + size / 2;
		g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.6f));
		g.setColor(Color.BLACK);
		g.fillRect(size / 2, image.getHeight() - height - size / 2, width, height);
		g.setComposite(AlphaComposite.SrcOver);
		g.setColor(Color.WHITE);
		g.drawString(label, size, image.getHeight() - size / 2 - size / 3);
		g.dispose();
	}

}
