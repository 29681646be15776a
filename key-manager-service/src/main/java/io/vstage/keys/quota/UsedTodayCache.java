package io.vstage.keys.quota;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

import org.springframework.stereotype.Component;

/**
 * Units used today per key, kept for up to a second: authentication answers {@code
 * remaining_today} on every call, and the counters table is the authority only for
 * reservations.
 */
@Component
class UsedTodayCache {

	private static final long MAX_AGE_NANOS = 1_000_000_000L;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	int get(String keyId, QuotaDay day, IntSupplier load) {
		Entry entry = this.entries.get(keyId);
		long now = System.nanoTime();
		if (entry != null && entry.day().equals(day) && now - entry.readAt() < MAX_AGE_NANOS) {
			return entry.used();
		}
		int used = load.getAsInt();
		this.entries.put(keyId, new Entry(day, used, now));
		return used;
	}

	void put(String keyId, QuotaDay day, int used) {
		this.entries.put(keyId, new Entry(day, used, System.nanoTime()));
	}

	void evict(String keyId) {
		this.entries.remove(keyId);
	}

	private record Entry(QuotaDay day, int used, long readAt) {
	}

}
