package io.vstage.gateway.keymanager;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of the key change feed.
 *
 * @param changes the changes after the requested cursor, oldest first
 * @param cursor the last sequence number returned, or the requested one when nothing is
 * new
 */
public record ChangesPage(List<Change> changes, long cursor) {

	public ChangesPage {
		changes = (changes != null) ? List.copyOf(changes) : List.of();
	}

	/**
	 * One change of one key.
	 *
	 * @param seq strictly increasing sequence number
	 * @param keyId the key that changed
	 * @param kind {@code created}, {@code updated}, {@code rotated}, {@code revoked},
	 * {@code deleted} or {@code expired}
	 * @param at when it changed
	 */
	public record Change(long seq, String keyId, String kind, @Nullable Instant at) {
	}

}
