package io.vstage.staging;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Gives every error a problem type under {@code https://vstage.io/problems/}, never a
 * stack trace.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler(MultipartException.class)
	ProblemDetail badMultipart(MultipartException ex) {
		if (ex instanceof MaxUploadSizeExceededException || hasCause(ex, "SizeLimitExceeded")
				|| hasCause(ex, "FileSizeLimitExceeded")) {
			return StagingProblem.problem(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large",
					"A file or the request is larger than allowed.");
		}
		return StagingProblem.problem(HttpStatus.BAD_REQUEST, "bad-multipart", "The multipart request is malformed.");
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || URI.create("about:blank").equals(problem.getType()))) {
			HttpStatus status = HttpStatus.resolve(statusCode.value());
			String slug = (status != null) ? status.name().toLowerCase().replace('_', '-') : "error";
			problem.setType(URI.create("https://vstage.io/problems/" + slug));
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	private static boolean hasCause(Throwable ex, String simpleNamePart) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getSimpleName().contains(simpleNamePart)) {
				return true;
			}
		}
		return false;
	}

}
