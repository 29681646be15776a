package io.vstage.contracts.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.vstage.contracts.access.Actor;
import io.vstage.contracts.access.Role;

/**
 * A verified internal token: who calls, for which service, and for a generation request
 * the quota reservation that pays for it.
 *
 * @param issuer who minted it ({@code vstage-gateway}, {@code vstage-<service>})
 * @param subject the key id, {@code superadmin}, or {@code service:<name>}
 * @param role the caller's role
 * @param audience the one service it is for
 * @param tokenId the {@code jti}
 * @param issuedAt the {@code iat}
 * @param expiresAt the {@code exp}
 * @param email the key owner's e-mail, if any
 * @param name the key's name, if any
 * @param issuedBy who issued the caller's key, if known
 * @param reservation the quota reservation of a generation request, if any
 */
public record InternalToken(String issuer, String subject, Role role, String audience, String tokenId, Instant issuedAt,
		Instant expiresAt, @Nullable String email, @Nullable String name, @Nullable String issuedBy,
		@Nullable Reservation reservation) {

	/** The longest life a token may have. */
	public static final Duration MAX_LIFETIME = Duration.ofSeconds(60);

	/** How far apart the clocks of two services may be. */
	public static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

	/** Claim names beyond the registered ones. */
	static final String ROLE = "role";

	static final String EMAIL = "email";

	static final String NAME = "name";

	static final String ISSUED_BY = "issued_by";

	static final String RESERVATION = "rsv";

	static final String RESERVED_UNITS = "rsv_units";

	public InternalToken {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(role, "role");
	}

	/** The caller as an actor of the access rules. */
	public Actor actor() {
		return new Actor(this.subject, this.role);
	}

	/**
	 * The quota reservation a generation request carries: its id and the units the
	 * gateway reserved for it.
	 *
	 * @param id the reservation id
	 * @param units the images reserved
	 */
	public record Reservation(UUID id, int units) {

		public Reservation {
			Objects.requireNonNull(id, "id");
			if (units < 1) {
				throw new IllegalArgumentException("units must be positive: " + units);
			}
		}

	}

}
