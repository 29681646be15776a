package io.vstage.keys;

import java.time.Instant;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/**
 * Stores every {@link Instant} as epoch milliseconds, so SQLite and PostgreSQL hold and
 * compare times the same way with one migration set.
 */
@Converter(autoApply = true)
public class InstantMillisConverter implements AttributeConverter<Instant, Long> {

	@Override
	public @Nullable Long convertToDatabaseColumn(@Nullable Instant instant) {
		return (instant != null) ? instant.toEpochMilli() : null;
	}

	@Override
	public @Nullable Instant convertToEntityAttribute(@Nullable Long millis) {
		return (millis != null) ? Instant.ofEpochMilli(millis) : null;
	}

}
