package io.vstage.gateway.quota;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * A generation upload written to a temporary file while it arrives, so that its form can
 * be read and its quota reserved before it is streamed on; memory holds one chunk at a
 * time.
 *
 * @param file the spooled body
 * @param size its length in bytes
 */
record UploadSpool(Path file, long size) {

	private static final int CHUNK = 64 * 1024;

	/**
	 * Writes the body to a new file in {@code directory}, failing past {@code maxBytes}.
	 */
	static Mono<UploadSpool> write(Flux<DataBuffer> body, Path directory, long maxBytes) {
		return Mono.fromCallable(() -> Files.createTempFile(directory, "vstage-upload-", ".part"))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((file) -> {
				AtomicLong written = new AtomicLong();
				Flux<DataBuffer> capped = body.doOnNext((buffer) -> {
					if (written.addAndGet(buffer.readableByteCount()) > maxBytes) {
						DataBufferUtils.release(buffer);
						throw new DataBufferLimitException("Upload larger than " + maxBytes + " bytes");
					}
				});
				return DataBufferUtils.write(capped, file)
					.then(Mono.fromCallable(() -> new UploadSpool(file, written.get())))
					.onErrorResume((ex) -> delete(file).then(Mono.error(ex)));
			});
	}

	/** The spooled body, read back in chunks. */
	Flux<DataBuffer> read(DataBufferFactory buffers) {
		return DataBufferUtils.read(this.file, buffers, CHUNK);
	}

	/** Removes the file. */
	Mono<Void> delete() {
		return delete(this.file);
	}

	private static Mono<Void> delete(Path file) {
		return Mono.<Void>fromRunnable(() -> {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).subscribeOn(Schedulers.boundedElastic()).onErrorResume((ex) -> Mono.empty());
	}

}
