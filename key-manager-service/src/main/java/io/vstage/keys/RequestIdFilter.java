package io.vstage.keys;

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
 * Puts the gateway's {@code X-Request-Id} into the logging context, so every log line of
 * a request can be matched with the gateway's (ids that are not plain tokens are
 * ignored), and writes one access line when the request is answered: method, path, status
 * and duration; never a header or a body, so never a key.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "requestId";

	private static final Logger access = LoggerFactory.getLogger("io.vstage.keys.access");

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
			if (access.isInfoEnabled() && isWorthALine(request)) {
				access.info("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
						TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
			}
			if (tagged) {
				MDC.remove(MDC_KEY);
			}
		}
	}

	// health probes, scrapes and every gateway's change-feed polling would drown the
	// requests worth reading
	private static boolean isWorthALine(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !path.startsWith("/actuator/") && !path.startsWith("/internal/v1/keys/changes");
	}

}
