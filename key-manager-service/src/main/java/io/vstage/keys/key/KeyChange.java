package io.vstage.keys.key;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the change feed.
 *
 * @param seq strictly increasing sequence number
 * @param keyId the key that changed
 * @param kind what happened
 * @param at when
 */
public record KeyChange(long seq, UUID keyId, KeyChangeKind kind, Instant at) {
}
