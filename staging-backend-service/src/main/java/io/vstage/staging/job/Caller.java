package io.vstage.staging.job;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;

import io.vstage.contracts.access.Actor;
import io.vstage.contracts.access.KeyOwner;
import io.vstage.contracts.access.Role;

/**
 * Who is calling, from the internal JWT: the key id, its role, the key that issued it and
 * the quota reservation. The one place that reads the token's claims.
 */
record Caller(String id, String role, @Nullable String issuedBy, @Nullable String reservationId) {

	static Caller of(Jwt jwt) {
		String role = jwt.getClaimAsString("role");
		return new Caller(jwt.getSubject(), (role != null) ? role : "user", jwt.getClaimAsString("issued_by"),
				jwt.getClaimAsString("rsv"));
	}

	boolean isAdmin() {
		return this.role.equals("admin") || this.role.equals("superadmin");
	}

	/** The caller as the access rules see it when it acts. */
	Actor actor() {
		return new Actor(this.id, keyRole());
	}

	/** The caller as the owner of what it creates. */
	KeyOwner owner() {
		return new KeyOwner(this.id, keyRole(), this.issuedBy);
	}

	private Role keyRole() {
		// an unknown role reaches nothing (the security chain lets only key roles in)
		return Role.fromClaim(this.role).orElse(Role.SERVICE);
	}

}
