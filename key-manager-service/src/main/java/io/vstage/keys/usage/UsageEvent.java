package io.vstage.keys.usage;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** One request a key made, as reported by the gateway. */
@Entity
@Table(name = "usage_events")
public class UsageEvent {

	@Id
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private UUID id;

	private String keyId;

	private @Nullable String requestId;

	private @Nullable String method;

	private @Nullable String route;

	private int status;

	private int latencyMs;

	private int units;

	private Instant at;

	@SuppressWarnings("NullAway.Init")
	protected UsageEvent() {
	}

	public UsageEvent(UUID id, String keyId, @Nullable String requestId, @Nullable String method,
			@Nullable String route, int status, int latencyMs, int units, Instant at) {
		this.id = id;
		this.keyId = keyId;
		this.requestId = requestId;
		this.method = method;
		this.route = route;
		this.status = status;
		this.latencyMs = latencyMs;
		this.units = units;
		this.at = at;
	}

	public UUID getId() {
		return this.id;
	}

}
