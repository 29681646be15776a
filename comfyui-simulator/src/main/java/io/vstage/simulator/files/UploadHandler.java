package io.vstage.simulator.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import io.vstage.simulator.http.Multipart;
import io.vstage.simulator.http.Reply;
import io.vstage.simulator.http.Request;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /upload/image}: store the part under its own name, deduplicating by content
 * hash.
 */
public final class UploadHandler {

	private final FileStore files;

	private final JsonMapper mapper;

	private final Object lock = new Object();

	/**
	 * A handler writing into the store.
	 * @param files the folders
	 * @param mapper writes the JSON reply
	 */
	public UploadHandler(FileStore files, JsonMapper mapper) {
		this.files = files;
		this.mapper = mapper;
	}

	/**
	 * Writes the uploaded bytes to their final path (skipped for a duplicate).
	 */
	@FunctionalInterface
	interface SaveFunction {

		void save(byte[] content, Path target) throws IOException;

	}

	/** {@code POST /upload/image}; unexpected shapes throw and become aiohttp's 500. */
	public Reply handle(Request request) throws IOException {
		return upload(Multipart.parse(request), (content, target) -> Files.write(target, content));
	}

	/**
	 * {@code POST /upload/mask}: like an image upload, but the file is the original with
	 * the mask's alpha.
	 */
	public Reply handleMask(Request request) throws IOException {
		Multipart form = Multipart.parse(request);
		return upload(form,
				(content, target) -> new MaskComposer(this.files, this.mapper).compose(form, content, target));
	}

	private Reply upload(Multipart form, SaveFunction saver) throws IOException {
		Optional<Multipart.Part> image = form.get("image");
		if (image.isEmpty()) {
			return Reply.empty(400);
		}
		// a text field named image has no .file in aiohttp: an AttributeError, hence a
		// 500
		String filename = image.get().filename().orElseThrow(() -> new IllegalStateException("image is not a file"));
		String type = form.text("type").orElse("input");
		Path uploadDir = this.files.dir(type)
			.orElseThrow(() -> new IllegalStateException("unknown upload type " + type));
		String subfolder = form.text("subfolder").orElse("");
		Path folder = uploadDir.resolve(subfolder.isEmpty() ? "." : subfolder).normalize();
		Path target = folder.resolve(filename).normalize();
		if (!target.startsWith(uploadDir) || !folder.startsWith(uploadDir)) {
			return Reply.empty(400);
		}
		String overwrite = form.text("overwrite").orElse("");
		String stored = store(image.get().content(), folder, filename,
				"true".equals(overwrite) || "1".equals(overwrite), saver);
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.put("name", stored);
		body.put("subfolder", subfolder);
		body.put("type", type);
		return Reply.json(200, this.mapper.writeValueAsString(body));
	}

	private String store(byte[] content, Path folder, String filename, boolean overwrite, SaveFunction saver)
			throws IOException {
		synchronized (this.lock) {
			Files.createDirectories(folder);
			String name = filename;
			Path path = folder.resolve(name);
			if (!overwrite) {
				int dot = filename.lastIndexOf('.');
				String stem = (dot > 0) ? filename.substring(0, dot) : filename;
				String ext = (dot > 0) ? filename.substring(dot) : "";
				for (int i = 1; Files.exists(path); i++) {
					if (Arrays.equals(hash(Files.readAllBytes(path)), hash(content))) {
						return name;
					}
					name = stem + " (" + i + ")" + ext;
					path = folder.resolve(name);
				}
			}
			saver.save(content, path);
			return name;
		}
	}

	private static byte[] hash(byte[] bytes) {
		return FileStore.sha256(bytes).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}

}
