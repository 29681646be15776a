package io.vstage.keys.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.vstage.keys.key.ApiKey;
import io.vstage.keys.quota.QuotaService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** Maps keys to their views, with today's usage. */
@Component
class KeyViews {

	private final QuotaService quotas;

	private final JsonMapper json;

	private final Clock clock;

	KeyViews(QuotaService quotas, JsonMapper json, Clock clock) {
		this.quotas = quotas;
		this.json = json;
		this.clock = clock;
	}

	KeyView view(ApiKey key) {
		return views(List.of(key)).getFirst();
	}

	List<KeyView> views(List<ApiKey> keys) {
		Map<UUID, Integer> used = this.quotas.usedToday(keys.stream().map(ApiKey::getId).toList());
		Instant now = this.clock.instant();
		return keys.stream().map((key) -> view(key, used.getOrDefault(key.getId(), 0), now)).toList();
	}

	private KeyView view(ApiKey key, int usedToday, Instant now) {
		String metadata = key.getMetadataJson();
		return new KeyView(key.getId(), key.getName(), key.getOwnerEmail(), key.getOrganization(),
				key.getRole().wireName(), key.statusAt(now).wireName(), key.getDisplayPrefix(),
				key.getRateLimitPerMinute(), key.getDailyQuota(), usedToday, key.getCreatedAt(), key.getCreatedBy(),
				key.getUpdatedAt(), key.getLastUsedAt(), key.getExpiresAt(), key.getRevokedAt(),
				key.getPreviousValidUntil(), (metadata != null) ? this.json.readTree(metadata) : null);
	}

}
