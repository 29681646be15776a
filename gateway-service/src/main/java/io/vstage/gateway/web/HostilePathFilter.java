package io.vstage.gateway.web;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses, before routing and authentication, a path that a service behind the gateway
 * could read differently from the gateway's routes: an encoded slash or backslash, a
 * control character (encoded or not), a malformed escape, or a dot-segment once decoded
 * ({@code %2e%2e}, {@code ..;x}). Such a path is a 400 problem of the gateway's own,
 * never a service's HTML error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class HostilePathFilter implements WebFilter {

	private final ProblemResponder problems;

	HostilePathFilter(ProblemResponder problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String rawPath = exchange.getRequest().getURI().getRawPath();
		if (rawPath == null || !isHostile(rawPath)) {
			return chain.filter(exchange);
		}
		return this.problems.reject(exchange, HttpStatus.BAD_REQUEST, "bad-request",
				"The path must not contain encoded slashes or backslashes, control characters or dot-segments");
	}

	static boolean isHostile(String rawPath) {
		for (String segment : rawPath.split("/", -1)) {
			String decoded;
			try {
				decoded = StringUtils.uriDecode(segment, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return true;
			}
			if (decoded.chars().anyMatch((c) -> c < 0x20 || c == 0x7f || c == '/' || c == '\\')) {
				return true;
			}
			// servlet containers drop ;parameters before they resolve dot-segments
			int parameters = decoded.indexOf(';');
			String name = (parameters >= 0) ? decoded.substring(0, parameters) : decoded;
			if (name.equals(".") || name.equals("..")) {
				return true;
			}
		}
		return false;
	}

}
