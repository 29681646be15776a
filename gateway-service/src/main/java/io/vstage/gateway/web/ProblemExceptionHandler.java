package io.vstage.gateway.web;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Renders every error the gateway raises itself (no route, too large, upstream down or
 * slow) as a problem, before Boot's HTML/JSON error handler (order -1) sees it.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemExceptionHandler.class);

	private final ProblemResponder problems;

	ProblemExceptionHandler(ProblemResponder problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		exchange.getResponse().getHeaders().clearContentHeaders();
		return switch (classify(ex)) {
			case Problem(HttpStatus status, String slug, String detail) -> {
				if (status.is5xxServerError()) {
					logger.warn("%s %s failed: %s".formatted(exchange.getRequest().getMethod(),
							exchange.getRequest().getPath(), ex.toString()));
				}
				yield this.problems.reject(exchange, status, slug, detail);
			}
		};
	}

	static Problem classify(Throwable ex) {
		Throwable cause = rootOrSelf(ex);
		if (ex instanceof ResponseStatusException rse) {
			return fromStatus(rse.getStatusCode(), rse.getReason());
		}
		if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException
				|| cause instanceof PrematureCloseException) {
			return new Problem(HttpStatus.BAD_GATEWAY, "upstream-unavailable",
					"The service behind this route is unreachable");
		}
		if (cause instanceof TimeoutException) {
			return new Problem(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout",
					"The service behind this route did not answer in time");
		}
		if (ex instanceof DecodingException || cause instanceof DecodingException) {
			return new Problem(HttpStatus.BAD_REQUEST, "bad-request", "The request body could not be read");
		}
		if (cause instanceof DataBufferLimitException) {
			return new Problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "The request body is too large");
		}
		logger.error("Unexpected gateway error", ex);
		return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The gateway failed unexpectedly");
	}

	private static Problem fromStatus(HttpStatusCode code, String reason) {
		HttpStatus status = HttpStatus.resolve(code.value());
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		return switch (status) {
			case NOT_FOUND -> new Problem(status, "not-found", "No route or file matches this path");
			case METHOD_NOT_ALLOWED -> new Problem(status, "method-not-allowed", "This method is not allowed here");
			case CONTENT_TOO_LARGE -> new Problem(status, "payload-too-large", "The request body is too large");
			case UNSUPPORTED_MEDIA_TYPE -> new Problem(status, "unsupported-media-type", "Unsupported content type");
			case GATEWAY_TIMEOUT ->
				new Problem(status, "upstream-timeout", "The service behind this route did not answer in time");
			case BAD_GATEWAY, SERVICE_UNAVAILABLE -> new Problem(HttpStatus.BAD_GATEWAY, "upstream-unavailable",
					"The service behind this route is unreachable");
			default -> new Problem(status, status.is4xxClientError() ? "bad-request" : "internal-error",
					(reason != null) ? reason : status.getReasonPhrase());
		};
	}

	private static Throwable rootOrSelf(Throwable ex) {
		Throwable current = ex;
		while (current.getCause() != null && current.getCause() != current) {
			if (current instanceof ConnectException || current instanceof TimeoutException) {
				return current;
			}
			current = current.getCause();
		}
		return current;
	}

	/** What a failure is rendered as. */
	record Problem(HttpStatus status, String slug, String detail) {
	}

}
