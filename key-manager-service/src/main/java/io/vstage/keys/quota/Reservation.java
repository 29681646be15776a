package io.vstage.keys.quota;

import org.jspecify.annotations.Nullable;

/**
 * A stored quota reservation.
 *
 * @param id reservation id
 * @param keyId key id or {@code superadmin}; null when released before it was reserved
 * @param units reserved units
 * @param day quota day
 * @param state {@code reserved}, {@code refunded}, or {@code released} (released before
 * it was reserved: nothing charged, a later reservation with this id is refused)
 * @param refundedUnits units given back
 */
record Reservation(String id, @Nullable String keyId, int units, String day, String state, int refundedUnits) {

	static final String RELEASED = "released";

	boolean isReleasedBeforeReserved() {
		return RELEASED.equals(this.state);
	}

}
