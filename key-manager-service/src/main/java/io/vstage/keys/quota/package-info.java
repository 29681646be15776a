/**
 * Daily quotas: atomic reservations and idempotent refunds.
 */
@NullMarked
package io.vstage.keys.quota;

import org.jspecify.annotations.NullMarked;
