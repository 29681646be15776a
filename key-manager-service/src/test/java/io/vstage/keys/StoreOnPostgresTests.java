package io.vstage.keys;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The storage contract on the real PostgreSQL of {@code TEST_POSTGRES_URL}, in a schema
 * of its own that is dropped afterwards. Without the variable it skips, except in CI
 * where it fails.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StoreOnPostgresTests extends StoreContractTests {

	private static final String URL = System.getenv("TEST_POSTGRES_URL");

	private static final String SCHEMA = "keys_test_"
			+ UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);

	@BeforeAll
	static void createSchema() throws SQLException {
		if (URL == null || URL.isBlank()) {
			if ("true".equals(System.getenv("CI"))) {
				fail("TEST_POSTGRES_URL is not set, and CI must run the PostgreSQL tests");
			}
			assumeTrue(false, "TEST_POSTGRES_URL is not set");
		}
		execute("create schema " + SCHEMA);
	}

	/**
	 * Drops the schema when the context closes: after the scheduled tasks have stopped,
	 * so none of them reads the schema while it goes.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class SchemaCleanup {

		@Bean
		DisposableBean dropSchemaOnClose() {
			return () -> execute("drop schema if exists " + SCHEMA + " cascade");
		}

	}

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
