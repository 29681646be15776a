package io.vstage.contracts.servlet;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Public health says {@code UP} or {@code DOWN} and nothing else. Details and components
 * are shown only to the roles of {@code management.endpoint.health.roles}, but Spring
 * Boot names the health groups in {@code /actuator/health} whoever asks, so for other
 * callers the answer is cut down to its status. Runs after the security filters, which
 * have read the caller's token by then.
 */
public final class PublicHealthFilter extends OncePerRequestFilter {

	private static final String HEALTH = "/actuator/health";

	private static final JsonMapper JSON = JsonMapper.shared();

	private final Set<String> authoritiesThatSeeDetails;

	/**
	 * @param roles the roles that see details, as
	 * {@code management.endpoint.health.roles}
	 */
	public PublicHealthFilter(Set<String> roles) {
		this.authoritiesThatSeeDetails = roles.stream()
			.map((role) -> ("ROLE_" + role.strip()).toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
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
			cached.getOutputStream().write(JSON.writeValueAsBytes(Map.of("status", status.asString())));
		}
		cached.copyBodyToResponse();
	}

	private static @Nullable JsonNode statusOf(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			JsonNode status = JSON.readTree(body).get("status");
			return (status != null && status.isString()) ? status : null;
		}
		catch (JacksonException notJson) {
			return null;
		}
	}

	/**
	 * As Spring Boot's {@code when-authorized}: any signed-in caller when no roles are
	 * set.
	 */
	private boolean maySeeDetails() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return false;
		}
		return this.authoritiesThatSeeDetails.isEmpty() || authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch((authority) -> this.authoritiesThatSeeDetails.contains(authority.toLowerCase(Locale.ROOT)));
	}

}
