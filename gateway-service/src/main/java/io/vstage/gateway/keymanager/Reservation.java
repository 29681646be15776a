package io.vstage.gateway.keymanager;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a quota reservation.
 */
public sealed interface Reservation {

	/**
	 * The units are reserved.
	 *
	 * @param remainingToday units left afterwards, {@code null} when unlimited
	 * @param resetsAt when the day ends
	 */
	record Granted(@Nullable Integer remainingToday, @Nullable Instant resetsAt) implements Reservation {
	}

	/**
	 * The quota does not allow it.
	 *
	 * @param problem the key manager's problem members ({@code daily_quota},
	 * {@code remaining_today}, {@code requested}, {@code resets_at}, ...)
	 */
	record Refused(Map<String, Object> problem) implements Reservation {

		public Refused {
			problem = Map.copyOf(problem);
		}

	}

}
