package io.vstage.keys.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.vstage.keys.InvalidInputException;
import jakarta.persistence.criteria.Predicate;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, for the super admin (enforced by the security rules). */
@RestController
class AuditController {

	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant AFTER_LATEST = Instant.parse("+10000-01-01T00:00:00Z");

	private final AuditEventRepository events;

	private final JsonMapper json;

	AuditController(AuditEventRepository events, JsonMapper json) {
		this.events = events;
		this.json = json;
	}

	@GetMapping("/api/v1/audit")
	AuditPage list(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String target,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to,
			// at most 10 million: page x size stays an int offset (past it the query
			// fails)
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000_000) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		requireWithinYears("from", from);
		requireWithinYears("to", to);
		Specification<AuditEvent> filter = (root, query, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (actor != null) {
				predicates.add(cb.equal(root.get("actor"), actor));
			}
			if (action != null) {
				predicates.add(cb.equal(root.get("action"), action));
			}
			if (target != null) {
				predicates.add(cb.equal(root.get("target"), target));
			}
			if (from != null) {
				predicates.add(cb.greaterThanOrEqualTo(root.get("at"), from));
			}
			if (to != null) {
				predicates.add(cb.lessThan(root.get("at"), to));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
		Page<AuditEvent> found = this.events.findAll(filter,
				PageRequest.of(page, size, Sort.by(Sort.Order.desc("at"), Sort.Order.desc("id"))));
		return new AuditPage(found.map(this::view).getContent(), page, size, found.getTotalElements());
	}

	/**
	 * Instants are stored as epoch milliseconds: far ones (such as year -999999999)
	 * overflow them.
	 */
	private static void requireWithinYears(String field, @Nullable Instant instant) {
		if (instant != null && (instant.isBefore(EARLIEST) || !instant.isBefore(AFTER_LATEST))) {
			throw new InvalidInputException(field, field + " must be within the years 1 to 9999");
		}
	}

	private AuditView view(AuditEvent event) {
		return new AuditView(event.getId().toString(), event.getActor(), event.getActorRole(), event.getAction(),
				event.getTarget(), parse(event.getBefore()), parse(event.getAfter()), event.getClientAddress(),
				event.getAt());
	}

	private @Nullable JsonNode parse(@Nullable String state) {
		return (state != null) ? this.json.readTree(state) : null;
	}

	record AuditView(String id, String actor, String actorRole, String action, @Nullable String target,
			@Nullable JsonNode before, @Nullable JsonNode after, @Nullable String clientAddress, Instant at) {
	}

	record AuditPage(List<AuditView> items, int page, int size, long total) {
	}

}
