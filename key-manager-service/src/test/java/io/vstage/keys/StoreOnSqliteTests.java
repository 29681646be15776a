package io.vstage.keys;

import java.nio.file.Path;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The storage contract on a real SQLite file (WAL, busy timeout, immediate transactions).
 */
class StoreOnSqliteTests extends StoreContractTests {

	@DynamicPropertySource
	static void sqliteFile(DynamicPropertyRegistry registry) {
		Path file = Path.of("target", "test-db", "store-" + UUID.randomUUID() + ".db");
		registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + file);
	}

}
