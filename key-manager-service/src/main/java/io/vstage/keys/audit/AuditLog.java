package io.vstage.keys.audit;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import io.vstage.keys.security.Caller;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes audit events in the transaction of the action they describe. */
@Service
public class AuditLog {

	private final AuditEventRepository events;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(AuditEventRepository events, JsonMapper json, Clock clock) {
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Records an action with the fields it changed (before and after), either map may be
	 * empty.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(Caller actor, String action, @Nullable String target, Map<String, ?> before,
			Map<String, ?> after) {
		this.events.save(new AuditEvent(UUID.randomUUID(), actor.subject(), actor.role().wireName(), action, target,
				toJson(before), toJson(after), actor.clientAddress(), this.clock.instant()));
	}

	private @Nullable String toJson(Map<String, ?> state) {
		return state.isEmpty() ? null : this.json.writeValueAsString(state);
	}

}
