package io.vstage.contracts.servlet;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.vstage.contracts.request.RequestIds;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the gateway's request id into the logging context for the whole request, echoes
 * it, and writes one access line per request worth reading (method, path without query,
 * status, time) to the service's access logger.
 */
public final class RequestIdFilter extends OncePerRequestFilter {

	private final Logger access;

	private final Predicate<HttpServletRequest> worthALine;

	/**
	 * @param accessLogger the name of the service's access logger
	 * @param worthALine which requests get an access line (not health probes, scrapes or
	 * polling)
	 */
	public RequestIdFilter(String accessLogger, Predicate<HttpServletRequest> worthALine) {
		this.access = LoggerFactory.getLogger(accessLogger);
		this.worthALine = worthALine;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = request.getHeader(RequestIds.HEADER);
		boolean tagged = RequestIds.isValid(requestId);
		if (tagged) {
			MDC.put(RequestIds.MDC_KEY, requestId);
			response.setHeader(RequestIds.HEADER, requestId);
		}
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (this.access.isInfoEnabled() && !request.isAsyncStarted() && this.worthALine.test(request)) {
				this.access.info("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
						TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
			}
			if (tagged) {
				MDC.remove(RequestIds.MDC_KEY);
			}
		}
	}

}
