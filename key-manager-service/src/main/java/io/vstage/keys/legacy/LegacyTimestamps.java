package io.vstage.keys.legacy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Reads the first version's timestamps: ISO-8601 local time without zone
 * ({@code 2025-09-12T14:03:11.123456}) or SQLite's {@code 2025-09-12 14:03:11}, in the
 * zone the old server ran in; values with an offset are taken as they are.
 *
 * @param zone the zone the legacy server wrote local times in
 */
record LegacyTimestamps(ZoneId zone) {

	@Nullable Instant parse(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String iso = value.strip().replace(' ', 'T');
		try {
			return OffsetDateTime.parse(iso).toInstant();
		}
		catch (DateTimeParseException notOffset) {
			try {
				return LocalDateTime.parse(iso).atZone(this.zone).toInstant();
			}
			catch (DateTimeParseException notLocal) {
				try {
					return LocalDate.parse(iso).atStartOfDay(this.zone).toInstant();
				}
				catch (DateTimeParseException unreadable) {
					return null;
				}
			}
		}
	}

	@Nullable LocalDate parseDate(@Nullable String value) {
		Instant instant = parse(value);
		return (instant != null) ? LocalDate.ofInstant(instant, this.zone) : null;
	}

}
