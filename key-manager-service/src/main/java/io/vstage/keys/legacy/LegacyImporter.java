package io.vstage.keys.legacy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.vstage.keys.SuperAdminKeyRules;
import io.vstage.keys.audit.AuditLog;
import io.vstage.keys.key.ApiKey;
import io.vstage.keys.key.ApiKeyRepository;
import io.vstage.keys.key.KeyChangeFeed;
import io.vstage.keys.key.KeyChangeKind;
import io.vstage.keys.key.KeyDetails;
import io.vstage.keys.key.KeyRole;
import io.vstage.keys.legacy.LegacyDatabase.LegacyUsageRow;
import io.vstage.keys.quota.QuotaService;
import io.vstage.keys.security.Caller;
import io.vstage.keys.usage.UsageEvent;
import io.vstage.keys.usage.UsageEventRepository;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports keys and usage from the first version's {@code api_keys.db}. Keys keep working
 * unchanged (their hash is the plain SHA-256 of the key); ids are derived from the legacy
 * data, so importing twice imports nothing twice. Keys the first version published in its
 * documentation are imported revoked.
 */
@Service
public class LegacyImporter {

	static final Caller IMPORTER = new Caller("legacy-import", KeyRole.SUPERADMIN, null);

	private final ApiKeyRepository keys;

	private final UsageEventRepository usage;

	private final KeyChangeFeed feed;

	private final AuditLog audit;

	private final QuotaService quotas;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	LegacyImporter(ApiKeyRepository keys, UsageEventRepository usage, KeyChangeFeed feed, AuditLog audit,
			QuotaService quotas, JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.keys = keys;
		this.usage = usage;
		this.feed = feed;
		this.audit = audit;
		this.quotas = quotas;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** Imports {@code file}, reading zone-less legacy times as times in {@code zone}. */
	@Transactional
	public ImportSummary importFrom(Path file, ZoneId zone) throws SQLException {
		LegacyTimestamps times = new LegacyTimestamps(zone);
		int imported = 0;
		int skipped = 0;
		int publishedRevoked = 0;
		Map<Long, UUID> idsByLegacyId = new HashMap<>();
		try (LegacyDatabase legacy = LegacyDatabase.open(file)) {
			for (LegacyKeyRow row : legacy.keys()) {
				String hash = row.keyHash().strip().toLowerCase(Locale.ROOT);
				UUID id = UUID.nameUUIDFromBytes(("legacy-key:" + hash).getBytes(StandardCharsets.UTF_8));
				idsByLegacyId.put(row.id(), id);
				if (this.keys.existsByKeyHash(hash)) {
					skipped++;
					continue;
				}
				boolean published = SuperAdminKeyRules.isPublishedHash(hash);
				importKey(id, hash, row, times, published);
				imported++;
				if (published) {
					publishedRevoked++;
				}
			}
			int usageImported = 0;
			int usageSkipped = 0;
			for (LegacyUsageRow row : legacy.usage()) {
				UUID keyId = (row.apiKeyId() != null) ? idsByLegacyId.get(row.apiKeyId().longValue()) : null;
				UUID id = UUID
					.nameUUIDFromBytes(("legacy-usage:" + keyId + ":" + row.id()).getBytes(StandardCharsets.UTF_8));
				Instant at = times.parse(row.requestTimestamp());
				if (keyId == null || at == null || this.usage.existsById(id)) {
					usageSkipped++;
					continue;
				}
				this.usage.save(new UsageEvent(id, keyId.toString(), null, null, truncate(row.serviceName(), 200),
						row.success() ? 200 : 500, Math.max(0, Objects.requireNonNullElse(row.responseTimeMs(), 0)), 0,
						at));
				usageImported++;
			}
			return new ImportSummary(imported, skipped, usageImported, usageSkipped, publishedRevoked);
		}
	}

	/**
	 * Imports one key; a key the first version published ({@code published}) is imported
	 * revoked, since anyone who read its documentation may use it.
	 */
	private void importKey(UUID id, String hash, LegacyKeyRow row, LegacyTimestamps times, boolean published) {
		Instant now = this.clock.instant();
		Instant createdAt = Objects.requireNonNullElse(times.parse(row.createdAt()), now);
		String legacyRole = (row.role() != null) ? row.role().strip().toLowerCase(Locale.ROOT) : "user";
		// the super admin is the environment's key alone: a legacy superadmin key becomes
		// an admin
		KeyRole role = "user".equals(legacyRole) || legacyRole.isEmpty() ? KeyRole.USER : KeyRole.ADMIN;
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("legacy_id", row.id());
		metadata.put("legacy_role", legacyRole.isEmpty() ? "user" : legacyRole);
		if (published) {
			metadata.put("revoked_on_import", "published in the first version's documentation");
		}
		KeyDetails details = new KeyDetails(truncate(row.name(), 100), truncate(row.userEmail(), 254),
				(row.organization() != null) ? truncate(row.organization(), 200) : null,
				clamp(row.rateLimit(), 60, 1, 100_000), clamp(row.dailyQuota(), 100, 0, 1_000_000), null,
				this.json.writeValueAsString(metadata));
		ApiKey key = new ApiKey(id, hash, truncate(row.keyPrefix(), 32), details, role, IMPORTER.subject(), createdAt);
		if ("revoked".equalsIgnoreCase(row.status())) {
			key.revoke(Objects.requireNonNullElse(times.parse(row.revokedAt()), createdAt));
		}
		else if (published) {
			key.revoke(now);
		}
		this.keys.saveAndFlush(key);
		Instant lastUsed = times.parse(row.lastUsed());
		if (lastUsed != null) {
			this.keys.touchLastUsed(id.toString(), lastUsed.toEpochMilli());
		}
		LocalDate today = this.quotas.today().date();
		if (row.currentDailyUsage() != null && row.currentDailyUsage() > 0
				&& today.equals(times.parseDate(row.lastQuotaReset()))) {
			this.jdbc.sql(
					"insert into quota_counters (key_id, day, used) values (?, ?, ?) on conflict (key_id, day) do nothing")
				.params(id.toString(), today.toString(), row.currentDailyUsage())
				.update();
		}
		this.feed.append(id, KeyChangeKind.CREATED, now);
		this.audit.record(IMPORTER, "key.import", id.toString(), Map.of(),
				Map.of("name", details.name(), "role", role.wireName(), "prefix", key.getDisplayPrefix()));
	}

	private static String truncate(String value, int max) {
		return (value.length() > max) ? value.substring(0, max) : value;
	}

	private static int clamp(Integer value, int fallback, int min, int max) {
		return (value == null) ? fallback : Math.max(min, Math.min(max, value));
	}

}
