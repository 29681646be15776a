package io.vstage.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A multipart/form-data body built part by part, including parts no browser would send
 * (headers written as given), for the hostile-request tests.
 */
final class Multipart {

	private final String boundary = "----vstage-hostile-" + UUID.randomUUID();

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	private boolean closed;

	/** A text field. */
	Multipart text(String name, String value) {
		return part("Content-Disposition: form-data; name=\"" + name + "\"", value.getBytes(StandardCharsets.UTF_8));
	}

	/** A file part. */
	Multipart file(String name, String filename, String contentType, byte[] content) {
		return part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + contentType, content);
	}

	/** A JPEG photo part named {@code image} (or another name). */
	Multipart photo(String name, Path jpeg) {
		try {
			return file(name, "room.jpg", "image/jpeg", Files.readAllBytes(jpeg));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A part with exactly these headers (lines separated by CRLF, no trailing CRLF). */
	Multipart part(String headers, byte[] content) {
		write(("--" + this.boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		write(content);
		write("\r\n".getBytes(StandardCharsets.UTF_8));
		return this;
	}

	/** Writes the closing boundary now; without it the body is truncated. */
	Multipart close() {
		write(("--" + this.boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		this.closed = true;
		return this;
	}

	String contentType() {
		return "multipart/form-data; boundary=" + this.boundary;
	}

	/** The body, closed unless {@link #truncated()} was asked for. */
	byte[] bytes() {
		if (!this.closed) {
			close();
		}
		return this.body.toByteArray();
	}

	/** The body as it is so far, without a closing boundary. */
	byte[] truncated() {
		return this.body.toByteArray();
	}

	private void write(byte[] bytes) {
		this.body.writeBytes(bytes);
	}

}
