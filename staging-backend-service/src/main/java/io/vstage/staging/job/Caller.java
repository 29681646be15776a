package io.vstage.staging.job;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, from the internal JWT: the key id, its role and the quota reservation.
 */
record Caller(String id, String role, @Nullable String reservationId) {

	static Caller of(Jwt jwt) {
		String role = jwt.getClaimAsString("role");
		return new Caller(jwt.getSubject(), (role != null) ? role : "user", jwt.getClaimAsString("rsv"));
	}

	boolean isAdmin() {
		return this.role.equals("admin") || this.role.equals("superadmin");
	}

}
