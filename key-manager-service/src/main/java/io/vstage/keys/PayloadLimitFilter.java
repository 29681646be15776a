package io.vstage.keys;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies at 64 KB, declared or chunked; the excess becomes a 413 problem.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PayloadLimitFilter extends OncePerRequestFilter {

	static final int MAX_BYTES = 64 * 1024;

	/** A usage batch holds up to 1000 events of a few hundred bytes each. */
	static final int MAX_USAGE_BATCH_BYTES = 1024 * 1024;

	private static final String USAGE_PATH = "/internal/v1/usage";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (USAGE_PATH.equals(request.getRequestURI())) {
			if (request.getContentLengthLong() > MAX_USAGE_BATCH_BYTES) {
				response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > MAX_BYTES) {
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			response.setContentType("application/problem+json");
			response.getWriter()
				.write("{\"type\":\"https://vstage.io/problems/payload-too-large\",\"title\":\"Content Too Large\","
						+ "\"status\":413,\"detail\":\"Request bodies are limited to 64 KB\"}");
			return;
		}
		chain.doFilter(new LimitedRequest(request), response);
	}

	/** Thrown when a body without a declared length grows past the cap. */
	static class PayloadTooLargeException extends IOException {

		PayloadTooLargeException() {
			super("Request bodies are limited to 64 KB");
		}

	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private ServletInputStream limited;

		LimitedRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.limited == null) {
				this.limited = new LimitedStream(super.getInputStream());
			}
			return this.limited;
		}

	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private long count;

		LimitedStream(ServletInputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws PayloadTooLargeException {
			this.count += n;
			if (this.count > MAX_BYTES) {
				throw new PayloadTooLargeException();
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
