package io.vstage.gateway.quota;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.vstage.contracts.generation.GenerationApi;
import io.vstage.contracts.generation.GenerationReading;
import io.vstage.contracts.generation.GenerationRequestReader;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.http.codec.multipart.PartEventHttpMessageReader;

/**
 * Reads a generation request the suite's one way ({@link GenerationRequestReader}, which
 * the backend applies too), from its query string and its multipart body as a stream of
 * part events: file contents are counted and released as they pass, never held.
 */
final class GenerationForm {

	private static final PartEventHttpMessageReader READER = new PartEventHttpMessageReader();

	private final GenerationRequestReader reader;

	private long fileSize;

	private GenerationForm(GenerationRequestReader reader) {
		this.reader = reader;
	}

	/** Reads the request's query string and multipart body. */
	static Mono<GenerationReading> read(GenerationApi api, @Nullable String rawQuery, HttpHeaders headers,
			Flux<DataBuffer> body) {
		GenerationForm form = new GenerationForm(GenerationRequestReader.start(api, rawQuery));
		if (form.reader.refused()) {
			return Mono.just(form.reader.finish());
		}
		ReactiveHttpInputMessage message = new ReactiveHttpInputMessage() {
			@Override
			public Flux<DataBuffer> getBody() {
				return body;
			}

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}
		};
		return READER.read(ResolvableType.forClass(PartEvent.class), message, Map.of())
			.doOnNext(form::accept)
			.then(Mono.fromSupplier(form.reader::finish));
	}

	private void accept(PartEvent event) {
		int size = event.content().readableByteCount();
		DataBufferUtils.release(event.content());
		List<String> dispositions = event.headers().getOrEmpty(HttpHeaders.CONTENT_DISPOSITION);
		if (event instanceof FormPartEvent field) {
			this.reader.text(dispositions, field.value());
		}
		else if (event instanceof FilePartEvent) {
			this.fileSize += size;
			if (event.isLast()) {
				this.reader.file(dispositions, this.fileSize);
				this.fileSize = 0;
			}
		}
	}

}
