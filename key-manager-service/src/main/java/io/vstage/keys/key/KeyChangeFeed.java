package io.vstage.keys.key;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monotonic feed of key changes that gateways (and other key manager instances)
 * follow to drop cached principals.
 */
@Component
public class KeyChangeFeed {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	KeyChangeFeed(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Appends a change in the caller's transaction. Bumping the single head row locks it
	 * until commit, so sequence numbers become visible in order.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long append(UUID keyId, KeyChangeKind kind, Instant at) {
		this.jdbc.sql("update key_change_head set seq = seq + 1 where id = 1").update();
		long seq = this.jdbc.sql("select seq from key_change_head where id = 1").query(Long.class).single();
		this.jdbc.sql("insert into key_changes (seq, key_id, kind, at) values (?, ?, ?, ?)")
			.params(seq, keyId.toString(), kind.name(), at.toEpochMilli())
			.update();
		this.events.publishEvent(new KeyChanged(keyId, kind));
		return seq;
	}

	/** Changes after {@code after}, oldest first, at most {@code limit}. */
	public List<KeyChange> after(long after, int limit) {
		return this.jdbc.sql("select seq, key_id, kind, at from key_changes where seq > ? order by seq limit ?")
			.params(after, limit)
			.query((rs, row) -> new KeyChange(rs.getLong("seq"), UUID.fromString(rs.getString("key_id")),
					KeyChangeKind.valueOf(rs.getString("kind")), Instant.ofEpochMilli(rs.getLong("at"))))
			.list();
	}

	/** The highest sequence number so far (0 when empty). */
	public long head() {
		return this.jdbc.sql("select seq from key_change_head where id = 1").query(Long.class).single();
	}

}
