package io.vstage.staging;

import java.net.URI;

import io.vstage.contracts.problem.ProblemTypes;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
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

	/**
	 * The database stayed locked past its busy timeout (SQLite: another process holds the
	 * write lock) or no connection was free: the client retries, nothing was accepted.
	 * Other data access failures stay 500s.
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ResponseEntity<ProblemDetail> databaseBusy(RuntimeException ex) {
		if (ex instanceof PessimisticLockingFailureException || hasCause(ex, "SQLTransientConnectionException")
				|| causeMessageContains(ex, "SQLITE_BUSY") || causeMessageContains(ex, "database is locked")) {
			ProblemDetail problem = StagingProblem.problem(HttpStatus.SERVICE_UNAVAILABLE, "database-busy",
					"The job database is busy; try again in a few seconds.");
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, "5")
				.body(problem);
		}
		throw ex;
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || URI.create("about:blank").equals(problem.getType()))) {
			HttpStatus status = HttpStatus.resolve(statusCode.value());
			String slug = (status != null) ? status.name().toLowerCase().replace('_', '-') : "error";
			problem.setType(ProblemTypes.uri(slug));
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	private static boolean causeMessageContains(Throwable ex, String text) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && cause.getMessage().contains(text)) {
				return true;
			}
		}
		return false;
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
