package io.vstage.keys.quota;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A granted reservation.
 *
 * @param reservation the stored reservation
 * @param remainingToday units left today (null: unlimited)
 * @param resetsAt when the day ends
 * @param created false when this answers a repeated request
 */
record Reserved(Reservation reservation, @Nullable Integer remainingToday, Instant resetsAt, boolean created) {
}
