package io.vstage.simulator.files;

import java.io.IOException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

import io.vstage.simulator.http.Reply;
import io.vstage.simulator.http.Request;

/**
 * {@code GET /view}: ComfyUI's resolution order and status codes, then the file's bytes.
 */
public final class ViewHandler {

	private static final Set<String> FORCED_DOWNLOAD = Set.of("text/html", "text/html-sandboxed",
			"application/xhtml+xml", "text/javascript", "text/css");

	private final FileStore files;

	private final boolean newer;

	/**
	 * A handler reading from the store.
	 * @param files the folders
	 * @param newer whether to add the newer line's {@code X-Content-Type-Options}
	 */
	public ViewHandler(FileStore files, boolean newer) {
		this.files = files;
		this.newer = newer;
	}

	/** Answers one {@code /view} request. */
	public Reply handle(Request request) throws IOException {
		Optional<String> requested = request.param("filename");
		if (requested.isEmpty()) {
			return Reply.empty(404);
		}
		FileStore.Annotated annotated = this.files.annotated(requested.get());
		String filename = annotated.name();
		if (filename.isEmpty()) {
			return Reply.empty(400);
		}
		if (filename.startsWith("/") || filename.contains("..")) {
			return Reply.empty(400);
		}
		Optional<Path> base = annotated.dir().or(() -> this.files.dir(request.param("type").orElse("output")));
		if (base.isEmpty()) {
			return Reply.empty(400);
		}
		Path dir = base.get();
		Optional<String> subfolder = request.param("subfolder");
		if (subfolder.isPresent()) {
			Path sub = dir.resolve(subfolder.get()).toAbsolutePath().normalize();
			if (!sub.startsWith(dir)) {
				return Reply.empty(403);
			}
			dir = sub;
		}
		String basename = filename.substring(filename.lastIndexOf('/') + 1);
		Path file = dir.resolve(basename);
		if (!Files.isRegularFile(file)) {
			return Reply.empty(404);
		}
		Optional<Reply.Http> transformed = Previews.transform(file, request);
		if (transformed.isPresent()) {
			return transformed.get();
		}
		return fileReply(file, basename);
	}

	private Reply.Http fileReply(Path file, String basename) throws IOException {
		String contentType = Optional.ofNullable(contentType(basename)).orElse("application/octet-stream");
		if (FORCED_DOWNLOAD.contains(contentType)) {
			contentType = "application/octet-stream";
		}
		long modified = Files.getLastModifiedTime(file).toMillis();
		byte[] bytes = Files.readAllBytes(file);
		Reply.Http reply = Reply.bytes(200, contentType, bytes)
			.with("Content-Disposition", "filename=\"" + basename + "\"")
			.with("Accept-Ranges", "bytes")
			.with("Last-Modified",
					DateTimeFormatter.RFC_1123_DATE_TIME
						.format(java.time.Instant.ofEpochMilli(modified).atZone(ZoneOffset.UTC)))
			.with("Etag", "\"" + Long.toHexString(modified * 1_000_000) + "-" + Long.toHexString(bytes.length) + "\"");
		if (this.newer) {
			reply.with("X-Content-Type-Options", "nosniff");
		}
		return reply;
	}

	static String contentType(String name) {
		String lower = name.toLowerCase();
		if (lower.endsWith(".webp")) {
			return "image/webp";
		}
		if (lower.endsWith(".js")) {
			return "text/javascript";
		}
		return URLConnection.guessContentTypeFromName(name);
	}

}
