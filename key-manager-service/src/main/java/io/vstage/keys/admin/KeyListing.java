package io.vstage.keys.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.vstage.keys.key.ApiKey;
import io.vstage.keys.key.KeyRole;
import io.vstage.keys.key.KeyStatus;
import io.vstage.keys.security.Caller;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.domain.Specification;

/**
 * The filter of a key listing. Admins only see the keys they may manage; text search
 * matches name, email, organization and prefix as plain text (LIKE wildcards in it are
 * escaped).
 *
 * @param role role filter
 * @param status status filter (effective status: an active key past its expiry is
 * expired)
 * @param email exact owner email (case-insensitive)
 * @param text free text
 */
record KeyListing(@Nullable KeyRole role, @Nullable KeyStatus status, @Nullable String email, @Nullable String text) {

	Specification<ApiKey> specification(Caller caller, Instant now) {
		return (root, query, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (!caller.isSuperAdmin()) {
				predicates.add(cb.equal(root.get("createdBy"), caller.subject()));
				predicates.add(cb.equal(root.get("role"), KeyRole.USER));
			}
			if (this.role != null) {
				predicates.add(cb.equal(root.get("role"), this.role));
			}
			if (this.status != null) {
				predicates.add(statusIs(root, cb, now));
			}
			if (this.email != null) {
				predicates.add(cb.equal(cb.lower(root.get("ownerEmail")), this.email.toLowerCase(Locale.ROOT)));
			}
			if (this.text != null && !this.text.isBlank()) {
				String pattern = "%" + this.text.toLowerCase(Locale.ROOT)
					.replace("\\", "\\\\")
					.replace("%", "\\%")
					.replace("_", "\\_") + "%";
				predicates.add(cb.or(cb.like(cb.lower(root.get("name")), pattern, '\\'),
						cb.like(cb.lower(root.get("ownerEmail")), pattern, '\\'),
						cb.like(cb.lower(root.get("organization")), pattern, '\\'),
						cb.like(cb.lower(root.get("displayPrefix")), pattern, '\\')));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
	}

	private Predicate statusIs(Root<ApiKey> root, CriteriaBuilder cb, Instant now) {
		Predicate active = cb.equal(root.get("status"), KeyStatus.ACTIVE);
		Predicate pastExpiry = cb.lessThanOrEqualTo(root.get("expiresAt"), now);
		return switch (this.status) {
			case ACTIVE ->
				cb.and(active, cb.or(cb.isNull(root.get("expiresAt")), cb.greaterThan(root.get("expiresAt"), now)));
			case EXPIRED -> cb.or(cb.equal(root.get("status"), KeyStatus.EXPIRED), cb.and(active, pastExpiry));
			case REVOKED -> cb.equal(root.get("status"), KeyStatus.REVOKED);
			case null -> cb.conjunction();
		};
	}

}
