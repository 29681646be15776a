package io.vstage.keys.security;

import io.vstage.keys.key.KeyRole;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a {@link Caller} controller parameter from the verified JWT and the forwarded
 * address.
 */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Caller.class;
	}

	@Override
	public Caller resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mav,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
			throw new AccessDeniedException("No internal JWT");
		}
		String role = jwt.getClaimAsString("role");
		if (role == null) {
			throw new AccessDeniedException("The internal JWT carries no role");
		}
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		return new Caller(jwt.getSubject(), KeyRole.fromWire(role), (request != null) ? clientAddress(request) : null);
	}

	/**
	 * The gateway sets these headers from the real client; without them the peer is the
	 * client.
	 */
	private static @Nullable String clientAddress(HttpServletRequest request) {
		String forwarded = request.getHeader("X-Forwarded-For");
		if (forwarded != null && !forwarded.isBlank()) {
			return truncate(forwarded.split(",")[0].strip());
		}
		String realIp = request.getHeader("X-Real-IP");
		if (realIp != null && !realIp.isBlank()) {
			return truncate(realIp.strip());
		}
		return request.getRemoteAddr();
	}

	private static String truncate(String address) {
		return (address.length() > 64) ? address.substring(0, 64) : address;
	}

}
