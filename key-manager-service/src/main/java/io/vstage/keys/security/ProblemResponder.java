package io.vstage.keys.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.vstage.contracts.problem.ProblemTypes;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes {@code application/problem+json} from the security filters, which run before
 * MVC.
 */
@Component
class ProblemResponder {

	private final JsonMapper json;

	ProblemResponder(JsonMapper json) {
		this.json = json;
	}

	void write(HttpServletResponse response, HttpStatus status, String slug, String detail) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", ProblemTypes.uri(slug).toString());
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", detail);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		this.json.writeValue(response.getOutputStream(), body);
	}

}
