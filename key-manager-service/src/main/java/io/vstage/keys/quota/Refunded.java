package io.vstage.keys.quota;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a refund, the same on every call for one reservation.
 *
 * @param reservationId the reservation
 * @param refundedUnits units given back
 * @param remainingToday units left today (null: unlimited)
 * @param state {@code refunded}, or {@code released} when the release came before the
 * reservation (nothing was charged)
 */
record Refunded(String reservationId, int refundedUnits, @Nullable Integer remainingToday, String state) {
}
