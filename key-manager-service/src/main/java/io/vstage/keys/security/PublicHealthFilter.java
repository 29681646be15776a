package io.vstage.keys.security;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Public health says {@code UP} or {@code DOWN} and nothing else. Details and components
 * are already shown only to the roles of {@code management.endpoint.health.roles}, but
 * Spring Boot names the health groups in {@code /actuator/health} whoever asks, so for
 * other callers the answer is cut down to its status. Runs after the security filters,
 * which have read the caller's token by then.
 */
@Component
class PublicHealthFilter extends OncePerRequestFilter {

	private static final String HEALTH = "/actuator/health";

	/** The same roles as {@code management.endpoint.health.roles}. */
	private static final Set<String> MAY_SEE_DETAILS = Set.of("ROLE_service", "ROLE_superadmin");

	private final JsonMapper json;

	PublicHealthFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !(path.equals(HEALTH) || path.startsWith(HEALTH + "/")) || maySeeDetails();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, cached);
		JsonNode status = statusOf(cached.getContentAsByteArray());
		if (status != null) {
			cached.resetBuffer();
			cached.getOutputStream().write(this.json.writeValueAsBytes(Map.of("status", status.asString())));
		}
		cached.copyBodyToResponse();
	}

	private @Nullable JsonNode statusOf(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			JsonNode status = this.json.readTree(body).get("status");
			return (status != null && status.isString()) ? status : null;
		}
		catch (JacksonException notJson) {
			return null;
		}
	}

	private static boolean maySeeDetails() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(MAY_SEE_DETAILS::contains);
	}

}
