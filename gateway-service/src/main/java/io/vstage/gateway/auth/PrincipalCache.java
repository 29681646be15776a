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
	private final AtomicLong evictions = new AtomicLong();

	// bumped when refusals are forgotten (a key was created), which leaves valid answers
	// current
	private final AtomicLong refusalResets = new AtomicLong();

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

	Generation generation() {
		return new Generation(this.evictions.get(), this.refusalResets.get());
	}

	/**
	 * Caches an answer unless a change that concerns it was applied since it was fetched.
	 */
	void remember(String hash, Entry entry, Generation fetchedAt) {
		this.entries.asMap().compute(hash, (key, old) -> current(entry, fetchedAt) ? entry : old);
	}

	private boolean current(Entry entry, Generation fetchedAt) {
		boolean noEviction = this.evictions.get() == fetchedAt.evictions();
		return switch (entry) {
			case Entry.Known known -> noEviction;
			case Entry.Refused refused -> noEviction && this.refusalResets.get() == fetchedAt.refusalResets();
		};
	}

	void forget(String hash) {
		this.entries.invalidate(hash);
	}

	/**
	 * Drops every cached answer of one key (all its secrets: current and rotated-out).
	 */
	void evictKey(String keyId) {
		this.evictions.incrementAndGet();
		this.entries.asMap()
			.values()
			.removeIf((entry) -> entry instanceof Entry.Known known && known.principal().keyId().equals(keyId));
	}

	/** Drops every refusal, e.g. after a key was created. */
	void forgetRefusals() {
		this.refusalResets.incrementAndGet();
		this.entries.asMap().values().removeIf((entry) -> entry instanceof Entry.Refused);
	}

	void clear() {
		this.evictions.incrementAndGet();
		this.entries.invalidateAll();
	}

	long size() {
		this.entries.cleanUp();
		return this.entries.estimatedSize();
	}

	/** The cache's change counters when a fetch started. */
	record Generation(long evictions, long refusalResets) {
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
