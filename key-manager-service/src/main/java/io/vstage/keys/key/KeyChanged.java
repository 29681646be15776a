package io.vstage.keys.key;

import java.util.UUID;

/**
 * Published in the transaction that changed a key; caches drop the key after commit.
 *
 * @param keyId the key
 * @param kind what happened
 */
public record KeyChanged(UUID keyId, KeyChangeKind kind) {
}
