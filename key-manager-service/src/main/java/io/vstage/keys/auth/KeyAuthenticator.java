package io.vstage.keys.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.vstage.keys.key.ApiKey;
import io.vstage.keys.key.ApiKeyRepository;
import io.vstage.keys.key.KeySecret;
import io.vstage.keys.key.KeyStatus;
import io.vstage.keys.quota.QuotaDay;
import io.vstage.keys.quota.QuotaService;
import io.vstage.keys.security.Caller;
import io.vstage.keys.security.SuperAdminKey;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Authenticates presented keys. Keys are cached by hash in memory (the hot path never
 * touches the database); every change of a key drops its entries, locally right after
 * commit and from other instances through the change feed.
 */
@Service
class KeyAuthenticator {

	private static final int MAX_CACHED = 100_000;

	private final Map<String, CachedKey> byHash = new ConcurrentHashMap<>();

	/**
	 * Bumped on every eviction, so a lookup that raced with a change does not cache stale
	 * data.
	 */
	private final AtomicLong generation = new AtomicLong();

	private final ApiKeyRepository keys;

	private final SuperAdminKey superAdmin;

	private final QuotaService quotas;

	private final LastUsedRecorder lastUsed;

	private final Clock clock;

	KeyAuthenticator(ApiKeyRepository keys, SuperAdminKey superAdmin, QuotaService quotas, LastUsedRecorder lastUsed,
			Clock clock) {
		this.keys = keys;
		this.superAdmin = superAdmin;
		this.quotas = quotas;
		this.lastUsed = lastUsed;
		this.clock = clock;
	}

	AuthenticationResult authenticate(String presented) {
		String hash = KeySecret.sha256Hex(presented);
		QuotaDay day = this.quotas.today();
		if (this.superAdmin.matchesHash(hash)) {
			return AuthenticationResult.valid(hash, new Principal(Caller.SUPERADMIN, "superadmin", "super admin", null,
					100_000, null, null, day.resetsAt(), null, null, null));
		}
		if (!KeySecret.isWellFormed(presented)) {
			return AuthenticationResult.of(Outcome.MALFORMED, hash);
		}
		Optional<CachedKey> key = lookup(hash);
		if (key.isEmpty()) {
			return AuthenticationResult.of(Outcome.UNKNOWN, hash);
		}
		return evaluate(key.get(), hash, this.clock.instant(), day);
	}

	private AuthenticationResult evaluate(CachedKey key, String hash, Instant now, QuotaDay day) {
		if (key.status() == KeyStatus.REVOKED) {
			return AuthenticationResult.of(Outcome.REVOKED, hash);
		}
		Instant expiresAt = key.expiresAt();
		if (key.status() == KeyStatus.EXPIRED || (expiresAt != null && !now.isBefore(expiresAt))) {
			return AuthenticationResult.of(Outcome.EXPIRED, hash);
		}
		Instant validUntil = expiresAt;
		if (!hash.equals(key.keyHash())) {
			Instant graceEnd = key.previousValidUntil();
			if (graceEnd == null || !now.isBefore(graceEnd)) {
				return AuthenticationResult.of(Outcome.EXPIRED, hash);
			}
			validUntil = earliest(graceEnd, expiresAt);
		}
		this.lastUsed.record(key.id(), now);
		int remaining = this.quotas.remainingToday(key.id(), key.dailyQuota());
		return AuthenticationResult.valid(hash,
				new Principal(key.id().toString(), key.role().wireName(), key.name(), key.email(),
						key.rateLimitPerMinute(), key.dailyQuota(), remaining, day.resetsAt(), expiresAt, validUntil,
						key.createdBy()));
	}

	private Optional<CachedKey> lookup(String hash) {
		CachedKey cached = this.byHash.get(hash);
		if (cached != null) {
			return Optional.of(cached);
		}
		long before = this.generation.get();
		Optional<CachedKey> loaded = this.keys.findBySecretHash(hash).map(CachedKey::of);
		loaded.ifPresent((key) -> {
			if (this.byHash.size() >= MAX_CACHED) {
				this.byHash.clear();
			}
			this.byHash.put(hash, key);
			if (this.generation.get() != before) {
				this.byHash.remove(hash, key);
			}
		});
		return loaded;
	}

	/** Drops every cached entry of a key (current and rotated secret). */
	void evict(UUID keyId) {
		this.generation.incrementAndGet();
		this.byHash.values().removeIf((key) -> key.id().equals(keyId));
	}

	private static Instant earliest(Instant a, @Nullable Instant b) {
		return (b != null && b.isBefore(a)) ? b : a;
	}

}
