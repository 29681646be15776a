/**
 * Refunds of undelivered units to the key manager, sent from an outbox until
 * acknowledged.
 */
@NullMarked
package io.vstage.staging.quota;

import org.jspecify.annotations.NullMarked;
