package io.vstage.staging.observability;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the gateway's {@code X-Request-Id} into the logging context as {@code requestId}
 * for the whole request (ids that are not plain tokens are ignored), and writes one
 * access line when the request is answered: method, path (never the query: signed links
 * carry their signature there), status and duration; never a header, so never a token.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "requestId";

	private static final Logger access = LoggerFactory.getLogger("io.vstage.staging.access");

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = request.getHeader(HEADER);
		boolean tagged = requestId != null && SAFE.matcher(requestId).matches();
		if (tagged) {
			MDC.put(MDC_KEY, requestId);
			response.setHeader(HEADER, requestId);
		}
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			// health probes and scrapes would drown the requests worth reading
			if (access.isInfoEnabled() && !request.isAsyncStarted()
					&& !request.getRequestURI().startsWith("/actuator/")) {
				access.info("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
						TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
			}
			if (tagged) {
				MDC.remove(MDC_KEY);
			}
		}
	}

}
