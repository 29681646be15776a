package io.vstage.keys.quota;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A quota day: the date in the quota zone and the instant it ends.
 *
 * @param date the day
 * @param resetsAt the next midnight in the quota zone
 */
public record QuotaDay(LocalDate date, Instant resetsAt) {

	/** The quota day that contains {@code clock}'s current instant. */
	public static QuotaDay current(Clock clock, ZoneId zone) {
		LocalDate date = LocalDate.now(clock.withZone(zone));
		return new QuotaDay(date, date.plusDays(1).atStartOfDay(zone).toInstant());
	}

	/** The key of this day in the counters table. */
	String key() {
		return this.date.toString();
	}

}
