package io.vstage.keys.admin;

import java.time.Instant;
import java.util.UUID;

import io.vstage.keys.key.ApiKey;
import io.vstage.keys.key.ApiKeyRepository;
import io.vstage.keys.key.KeyProblemException;
import io.vstage.keys.quota.QuotaDay;
import io.vstage.keys.quota.QuotaService;
import io.vstage.keys.security.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: who the calling key is, its limits and today's quota. */
@RestController
class MeController {

	private final ApiKeyRepository keys;

	private final QuotaService quotas;

	MeController(ApiKeyRepository keys, QuotaService quotas) {
		this.keys = keys;
		this.quotas = quotas;
	}

	@GetMapping("/api/v1/me")
	Me me(Caller caller) {
		QuotaDay day = this.quotas.today();
		if (caller.isSuperAdmin()) {
			return new Me("superadmin", Caller.SUPERADMIN, "super admin", 100_000, null, null, day.resetsAt());
		}
		ApiKey key = this.keys.findById(parse(caller.subject()))
			.orElseThrow(() -> KeyProblemException.notFound(caller.subject()));
		return new Me(key.getRole().wireName(), key.getId().toString(), key.getName(), key.getRateLimitPerMinute(),
				key.getDailyQuota(), this.quotas.remainingToday(key.getId(), key.getDailyQuota()), day.resetsAt());
	}

	private static UUID parse(String subject) {
		try {
			return UUID.fromString(subject);
		}
		catch (IllegalArgumentException ex) {
			throw KeyProblemException.notFound(subject);
		}
	}

	record Me(String role, String keyId, String name, int rateLimitPerMinute, @Nullable Integer dailyQuota,
			@Nullable Integer remainingToday, Instant resetsAt) {
	}

}
