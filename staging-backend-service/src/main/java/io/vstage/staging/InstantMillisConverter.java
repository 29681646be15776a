package io.vstage.staging;

import java.time.Instant;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores instants as epoch milliseconds, which SQLite and PostgreSQL read back
 * identically.
 */
@Converter(autoApply = true)
class InstantMillisConverter implements AttributeConverter<Instant, Long> {

	@Override
	public Long convertToDatabaseColumn(Instant attribute) {
		return (attribute != null) ? attribute.toEpochMilli() : null;
	}

	@Override
	public Instant convertToEntityAttribute(Long dbData) {
		return (dbData != null) ? Instant.ofEpochMilli(dbData) : null;
	}

}
