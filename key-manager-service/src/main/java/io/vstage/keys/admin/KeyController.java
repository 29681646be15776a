package io.vstage.keys.admin;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.vstage.keys.InvalidInputException;
import io.vstage.keys.admin.KeyRequests.IssueKeyRequest;
import io.vstage.keys.admin.KeyRequests.RotateKeyRequest;
import io.vstage.keys.admin.KeyRequests.UpdateKeyRequest;
import io.vstage.keys.key.ApiKey;
import io.vstage.keys.key.ApiKeyRepository;
import io.vstage.keys.key.KeyRole;
import io.vstage.keys.key.KeyStatus;
import io.vstage.keys.security.Caller;
import io.vstage.keys.usage.UsageReport;
import io.vstage.keys.usage.UsageReports;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API over keys (behind the gateway; the caller comes from the internal JWT).
 */
@RestController
@RequestMapping("/api/v1/keys")
class KeyController {

	private final KeyService service;

	private final ApiKeyRepository keys;

	private final KeyViews views;

	private final UsageReports usage;

	private final Clock clock;

	KeyController(KeyService service, ApiKeyRepository keys, KeyViews views, UsageReports usage, Clock clock) {
		this.service = service;
		this.keys = keys;
		this.views = views;
		this.usage = usage;
		this.clock = clock;
	}

	@PostMapping
	ResponseEntity<IssuedKey> create(Caller caller, @Valid @RequestBody IssueKeyRequest request) {
		KeyService.Issued issued = this.service.issue(caller, request);
		return ResponseEntity.created(URI.create("/api/v1/keys/" + issued.key().getId()))
			.body(new IssuedKey(this.views.view(issued.key()), issued.secret().value()));
	}

	@GetMapping
	KeyPage list(Caller caller, @RequestParam(required = false) @Pattern(regexp = "user|admin") @Nullable String role,
			@RequestParam(required = false) @Pattern(regexp = "active|revoked|expired") @Nullable String status,
			@RequestParam(required = false) @Size(max = 254) @Nullable String email,
			@RequestParam(required = false) @Size(max = 100) @Nullable String q,
			// at most 10 million: page x size stays an int offset (past it the query
			// fails)
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000_000) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		KeyService.require(caller, KeyAction.LIST, null, "Your role may not list keys");
		KeyListing listing = new KeyListing((role != null) ? KeyRole.fromWire(role) : null,
				(status != null) ? KeyStatus.valueOf(status.toUpperCase(Locale.ROOT)) : null, email, q);
		Page<ApiKey> found = this.keys.findAll(listing.specification(caller, this.clock.instant()),
				PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))));
		return new KeyPage(this.views.views(found.getContent()), page, size, found.getTotalElements());
	}

	@GetMapping("/{id}")
	KeyView get(Caller caller, @PathVariable UUID id) {
		return this.views.view(this.service.get(caller, id, KeyAction.VIEW));
	}

	@PatchMapping("/{id}")
	KeyView update(Caller caller, @PathVariable UUID id, @Valid @RequestBody UpdateKeyRequest request) {
		return this.views.view(this.service.update(caller, id, request));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
		this.service.delete(caller, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/revoke")
	KeyView revoke(Caller caller, @PathVariable UUID id) {
		return this.views.view(this.service.revoke(caller, id));
	}

	@PostMapping("/{id}/rotate")
	IssuedKey rotate(Caller caller, @PathVariable UUID id,
			@Valid @RequestBody(required = false) @Nullable RotateKeyRequest request) {
		Integer grace = (request != null) ? request.gracePeriodSeconds() : null;
		KeyService.Issued issued = this.service.rotate(caller, id, (grace != null) ? grace : 0);
		return new IssuedKey(this.views.view(issued.key()), issued.secret().value());
	}

	@GetMapping("/{id}/usage")
	UsageReport usage(Caller caller, @PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		this.service.get(caller, id, KeyAction.VIEW_USAGE);
		DayRange range = DayRange.of(from, to, LocalDate.now(this.clock));
		return this.usage.report(id, range.first(), range.last());
	}

	/**
	 * Usage summed over the keys the caller may list: every key for the super admin, the
	 * user keys an admin issued for an admin.
	 */
	@GetMapping("/usage")
	UsageReport totalUsage(Caller caller,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		KeyService.require(caller, KeyAction.LIST, null, "Your role may not see usage of all keys");
		DayRange range = DayRange.of(from, to, LocalDate.now(this.clock));
		return caller.isSuperAdmin() ? this.usage.totals(range.first(), range.last())
				: this.usage.totalsOfKeysIssuedBy(caller.subject(), range.first(), range.last());
	}

	/**
	 * Quota days of a usage report: the last 7 by default, at most 367, within the years
	 * 1 to 9999 (dates far outside overflow the day arithmetic and epoch milliseconds).
	 */
	record DayRange(LocalDate first, LocalDate last) {

		private static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);

		private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

		static DayRange of(@Nullable LocalDate from, @Nullable LocalDate to, LocalDate today) {
			requireWithinYears("from", from);
			requireWithinYears("to", to);
			LocalDate last = (to != null) ? to : today;
			LocalDate first = (from != null) ? from : last.minusDays(6);
			if (first.isAfter(last)) {
				throw new InvalidInputException("from", "from must not be after to");
			}
			if (first.plusDays(366).isBefore(last)) {
				throw new InvalidInputException("from", "the range may span at most 366 days");
			}
			return new DayRange(first, last);
		}

		private static void requireWithinYears(String field, @Nullable LocalDate day) {
			if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST))) {
				throw new InvalidInputException(field, field + " must be between " + EARLIEST + " and " + LATEST);
			}
		}

	}

	/** A new key or a rotated secret, with the secret shown this once. */
	record IssuedKey(@JsonUnwrapped KeyView key, String apiKey) {
	}

	record KeyPage(List<KeyView> items, int page, int size, long total) {
	}

}
