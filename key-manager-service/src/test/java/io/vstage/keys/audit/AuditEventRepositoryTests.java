package io.vstage.keys.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JPA slice on a real SQLite file migrated by Flyway: package-private entities and
 * repositories work, and times survive the epoch-millisecond columns.
 */
@DataJpaTest(properties = "spring.jpa.properties.hibernate.dialect=org.hibernate.community.dialect.SQLiteDialect")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class AuditEventRepositoryTests {

	@Autowired
	AuditEventRepository events;

	@DynamicPropertySource
	static void sqliteFile(DynamicPropertyRegistry registry) {
		Path file = Path.of("target", "test-db", "audit-slice-" + UUID.randomUUID() + ".db");
		registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + file.toAbsolutePath());
		file.toAbsolutePath().getParent().toFile().mkdirs();
	}

	@Test
	void savedEventsAreFoundByTheirFieldsWithMillisecondTimes() {
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		UUID id = UUID.randomUUID();
		this.events.saveAndFlush(new AuditEvent(id, "superadmin", "superadmin", "key.revoke", "target-1",
				"{\"status\":\"active\"}", "{\"status\":\"revoked\"}", "203.0.113.9", at));
		this.events.saveAndFlush(new AuditEvent(UUID.randomUUID(), "other", "admin", "key.create", "target-2", null,
				null, null, at.plusSeconds(1)));
		Specification<AuditEvent> byAction = (root, query, cb) -> cb.equal(root.get("action"), "key.revoke");
		var found = this.events.findAll(byAction, PageRequest.of(0, 10, Sort.by("at")));
		assertThat(found.getTotalElements()).isEqualTo(1);
		AuditEvent event = found.getContent().getFirst();
		assertThat(event.getId()).isEqualTo(id);
		assertThat(event.getAt()).isEqualTo(at);
		assertThat(event.getAfter()).isEqualTo("{\"status\":\"revoked\"}");
		assertThat(event.getClientAddress()).isEqualTo("203.0.113.9");
	}

}
