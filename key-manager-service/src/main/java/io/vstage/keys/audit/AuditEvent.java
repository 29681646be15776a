package io.vstage.keys.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** One admin action: who did what to which key, when, from where, and what changed. */
@Entity
@Table(name = "audit_events")
class AuditEvent {

	@Id
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private UUID id;

	private String actor;

	private String actorRole;

	private String action;

	private @Nullable String target;

	@Column(name = "before_state")
	private @Nullable String before;

	@Column(name = "after_state")
	private @Nullable String after;

	private @Nullable String clientAddress;

	private Instant at;

	@SuppressWarnings("NullAway.Init")
	protected AuditEvent() {
	}

	AuditEvent(UUID id, String actor, String actorRole, String action, @Nullable String target, @Nullable String before,
			@Nullable String after, @Nullable String clientAddress, Instant at) {
		this.id = id;
		this.actor = actor;
		this.actorRole = actorRole;
		this.action = action;
		this.target = target;
		this.before = before;
		this.after = after;
		this.clientAddress = clientAddress;
		this.at = at;
	}

	UUID getId() {
		return this.id;
	}

	String getActor() {
		return this.actor;
	}

	String getActorRole() {
		return this.actorRole;
	}

	String getAction() {
		return this.action;
	}

	@Nullable String getTarget() {
		return this.target;
	}

	@Nullable String getBefore() {
		return this.before;
	}

	@Nullable String getAfter() {
		return this.after;
	}

	@Nullable String getClientAddress() {
		return this.clientAddress;
	}

	Instant getAt() {
		return this.at;
	}

}
