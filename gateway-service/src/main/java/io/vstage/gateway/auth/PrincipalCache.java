package io.vstage.gateway.auth;

import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.jspecify.annotations.Nullable;

import io.vstage.gateway.keymanager.KeyManagerProperties;

import org.springframework.stereotype.Component;

/**
 * Answers of the key manager, keyed by the key's SHA-256 (never the key). Valid answers
 * live until the change feed drops them (or {@code principal-ttl}); refusals only
 * briefly, so that a key created a moment ago is not refused for long.
 */
@Component
class PrincipalCache {

	private final Cache<String, Entry> entries;

	// bumped on every eviction, so that an answer fetched before a change is not cached
	// after it
	private final AtomicLong generation = new AtomicLong();

	PrincipalCache(KeyManagerProperties properties) {
		long known = properties.principalTtl().toNanos();
		long refused = properties.negativeTtl().toNanos();
		this.entries = Caffeine.newBuilder()
			.maximumSize(properties.cacheSize())
			.expireAfter(new Expiry<String, Entry>() {
				@Override
				public long expireAfterCreate(String key, Entry value, long currentTime) {
					return (value instanceof Entry.Known) ? known : refused;
				}

				@Override
				public long expireAfterUpdate(String key, Entry value, long currentTime, long currentDuration) {
					return expireAfterCreate(key, value, currentTime);
				}

				@Override
				public long expireAfterRead(String key, Entry value, long currentTime, long currentDuration) {
					return currentDuration;
				}
			})
			.build();
	}

	@Nullable Entry lookup(String hash) {
		return this.entries.getIfPresent(hash);
	}

	long generation() {
		return this.generation.get();
	}

	/** Caches an answer unless a change was applied since {@code fetchedAtGeneration}. */
	void remember(String hash, Entry entry, long fetchedAtGeneration) {
		this.entries.asMap().compute(hash, (key, old) -> (this.generation.get() == fetchedAtGeneration) ? entry : old);
	}

	void forget(String hash) {
		this.entries.invalidate(hash);
	}

	/**
	 * Drops every cached answer of one key (all its secrets: current and rotated-out).
	 */
	void evictKey(String keyId) {
		this.generation.incrementAndGet();
		this.entries.asMap()
			.values()
			.removeIf((entry) -> entry instanceof Entry.Known known && known.principal().keyId().equals(keyId));
	}

	/** Drops every refusal, e.g. after a key was created. */
	void forgetRefusals() {
		this.generation.incrementAndGet();
		this.entries.asMap().values().removeIf((entry) -> entry instanceof Entry.Refused);
	}

	void clear() {
		this.generation.incrementAndGet();
		this.entries.invalidateAll();
	}

	long size() {
		this.entries.cleanUp();
		return this.entries.estimatedSize();
	}

	/** A cached answer. */
	sealed interface Entry {

		/** The key was valid. */
		record Known(Principal principal) implements Entry {
		}

		/** The key was refused with this outcome. */
		record Refused(String outcome) implements Entry {
		}

	}

}
