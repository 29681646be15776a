package io.vstage.gateway.quota;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
 * What a generation request asks for, read from its multipart body as a stream of part
 * events (file contents are released as they pass, never held).
 *
 * @param numImages the {@code num_images} field as sent, or {@code null} when absent
 * @param imageParts how many file parts carry a photo
 */
record GenerationForm(@Nullable String numImages, int imageParts) {

	private static final PartEventHttpMessageReader READER = new PartEventHttpMessageReader();

	/** Reads the form of a multipart body. */
	static Mono<GenerationForm> read(HttpHeaders headers, Flux<DataBuffer> body, Set<String> imagePartNames) {
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
			.reduce(new GenerationForm(null, 0), (form, event) -> {
				DataBufferUtils.release(event.content());
				if (event instanceof FormPartEvent field && "num_images".equals(field.name())) {
					return new GenerationForm(field.value(), form.imageParts());
				}
				if (event instanceof FilePartEvent file && event.isLast() && imagePartNames.contains(file.name())) {
					return new GenerationForm(form.numImages(), form.imageParts() + 1);
				}
				return form;
			});
	}

	/** The quota units: images asked for each photo, times the photos. */
	int units(int numImages) {
		return numImages * this.imageParts;
	}

}
