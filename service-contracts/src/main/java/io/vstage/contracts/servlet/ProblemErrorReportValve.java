package io.vstage.contracts.servlet;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;

import io.vstage.contracts.problem.ProblemTypes;

/**
 * Tomcat's error report as a problem document instead of its HTML page: the status, a
 * fixed title and detail, never Tomcat's message (it may echo the request), server
 * information or a stack trace. It answers only what reached no servlet or left an error
 * without a body; the services' own problems pass untouched.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	public ProblemErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get() || !response.setErrorReported()) {
			return;
		}
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body(status));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response already went: nothing more to say
		}
	}

	static String body(int status) {
		Kind kind = Kind.of(status);
		// every value is one of ours, none needs escaping
		return "{\"type\":\"" + ProblemTypes.BASE + kind.slug + "\",\"title\":\"" + kind.title + "\",\"status\":"
				+ status + ",\"detail\":\"" + kind.detail + "\"}";
	}

	private enum Kind {

		BAD_REQUEST(ProblemTypes.BAD_REQUEST, "Bad Request", "The request cannot be read."),

		NOT_FOUND(ProblemTypes.NOT_FOUND, "Not Found", "Nothing is here."),

		TOO_LARGE("request-too-large", "Request Too Large", "The request or its headers are too large."),

		INTERNAL_ERROR(ProblemTypes.INTERNAL_ERROR, "Internal Server Error", "The request could not be served.");

		private final String slug;

		private final String title;

		private final String detail;

		Kind(String slug, String title, String detail) {
			this.slug = slug;
			this.title = title;
			this.detail = detail;
		}

		static Kind of(int status) {
			return switch (status) {
				case 404 -> NOT_FOUND;
				case 413, 414, 431 -> TOO_LARGE;
				default -> (status >= 500) ? INTERNAL_ERROR : BAD_REQUEST;
			};
		}

	}

}
