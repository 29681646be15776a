package io.vstage.keys;

import java.net.URI;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.vstage.contracts.problem.ProblemTypes;
import jakarta.persistence.PersistenceException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns framework exceptions into problem details with stable types and per-field errors,
 * so bad input is always a clear 4xx and never a stack trace.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final String PROBLEMS = ProblemTypes.BASE;

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(
					Map.of("field", snakeCase(error.getField()), "message", String.valueOf(error.getDefaultMessage())));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors.add(Map.of("field", "", "message", String.valueOf(error.getDefaultMessage()))));
		return invalid("The request has invalid fields", errors);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach(
					(result) -> result.getResolvableErrors()
						.forEach((error) -> errors.add(Map.of("field",
								snakeCase(String.valueOf(result.getMethodParameter().getParameterName())), "message",
								String.valueOf(error.getDefaultMessage())))));
		return invalid("The request has invalid parameters", errors);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof PayloadLimitFilter.PayloadTooLargeException) {
				return problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
						"Request bodies are limited to 64 KB");
			}
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return invalid("Unknown field '" + unknown.getPropertyName() + "'",
					List.of(Map.of("field", path(unknown), "message", "unknown field")));
		}
		if (cause instanceof MismatchedInputException mismatch && !(cause instanceof StreamReadException)) {
			return invalid("A field has the wrong type or value",
					List.of(Map.of("field", path(mismatch), "message", "wrong type or value")));
		}
		return problem(HttpStatus.BAD_REQUEST, "malformed-json", "The request body is not valid JSON");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
		if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return problem(HttpStatus.NOT_FOUND, "not-found", "No resource with id " + ex.getValue());
		}
		return invalid("Parameter '" + ex.getName() + "' has the wrong type",
				List.of(Map.of("field", ex.getName(), "message", "wrong type or value")));
	}

	/**
	 * No database connection within {@code vstage.keys.database-wait} (see
	 * {@link ConnectionGate}): 503 with a stable type and {@code Retry-After}, so the
	 * caller retries instead of waiting on a hung request. Two requests changing the same
	 * key at once: the loser gets 409 and may read the key again and retry. Other data
	 * access failures are rethrown and stay 500s.
	 */
	@ExceptionHandler({ TransactionException.class, DataAccessException.class, PersistenceException.class })
	ResponseEntity<Object> handleDataAccess(RuntimeException ex) {
		if (ex instanceof OptimisticLockingFailureException) {
			return problem(HttpStatus.CONFLICT, "concurrent-change",
					"The key was changed by another request at the same time; read it again and retry");
		}
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLTransientConnectionException) {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
						"The database is busy; retry shortly");
				problem.setType(URI.create(PROBLEMS + "database-busy"));
				return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
					.header(HttpHeaders.RETRY_AFTER, "1")
					.body(problem);
			}
		}
		throw ex;
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<Object> handleInvalidInput(InvalidInputException ex) {
		return invalid(ex.getMessage(), List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem && "about:blank".equals(String.valueOf(problem.getType()))) {
			problem.setType(URI.create(PROBLEMS + slug(statusCode)));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static String slug(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		String phrase = (known != null) ? known.getReasonPhrase() : "error";
		return phrase.toLowerCase().replaceAll("[^a-z0-9]+", "-");
	}

	private static ResponseEntity<Object> invalid(String detail, List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
		problem.setType(URI.create(PROBLEMS + "invalid-request"));
		problem.setProperty("errors", errors);
		return ResponseEntity.unprocessableContent().body(problem);
	}

	private static ResponseEntity<Object> problem(HttpStatus status, String slug, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(PROBLEMS + slug));
		return ResponseEntity.status(status).body(problem);
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (!path.isEmpty()) {
				path.append('.');
			}
			path.append((reference.getPropertyName() != null) ? reference.getPropertyName()
					: String.valueOf(reference.getIndex()));
		}
		return path.toString();
	}

	private static String snakeCase(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
	}

}
