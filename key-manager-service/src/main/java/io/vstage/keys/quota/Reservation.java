package io.vstage.keys.quota;

/**
 * A stored quota reservation.
 *
 * @param id reservation id
 * @param keyId key id or {@code superadmin}
 * @param units reserved units
 * @param day quota day
 * @param state {@code reserved} or {@code refunded}
 * @param refundedUnits units given back
 */
record Reservation(String id, String keyId, int units, String day, String state, int refundedUnits) {
}
