package io.vstage.staging.job;

import org.jspecify.annotations.Nullable;

import io.vstage.contracts.access.Actor;
import io.vstage.contracts.access.KeyOwner;
import io.vstage.contracts.access.Role;
import io.vstage.contracts.token.InternalJwtDecoder;
import io.vstage.contracts.token.InternalToken;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, from the verified internal token: the key, its role, who issued it, and
 * for a generation request the quota reservation.
 */
record Caller(InternalToken token) {

	static Caller of(Jwt jwt) {
		return new Caller(InternalJwtDecoder.internalToken(jwt));
	}

	String id() {
		return this.token.subject();
	}

	boolean isAdmin() {
		return this.token.role() == Role.ADMIN || this.token.role() == Role.SUPERADMIN;
	}

	/** The reservation that pays for a generation request, if the token carries one. */
	InternalToken.@Nullable Reservation reservation() {
		return this.token.reservation();
	}

	/** The caller as the access rules see it when it acts. */
	Actor actor() {
		return this.token.actor();
	}

	/** The caller as the owner of what it creates. */
	KeyOwner owner() {
		return new KeyOwner(id(), this.token.role(), this.token.issuedBy());
	}

}
