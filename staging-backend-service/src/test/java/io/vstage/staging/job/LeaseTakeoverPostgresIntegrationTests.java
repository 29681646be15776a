package io.vstage.staging.job;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;

/**
 * Lease takeover on a real PostgreSQL, in a schema of its own.
 */
class LeaseTakeoverPostgresIntegrationTests extends LeaseTakeoverTests {

	private static final String URL = System.getenv("TEST_POSTGRES_URL");

	private static final String SCHEMA = "staging_lease_"
			+ UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	@Override
	String databaseUrl(Path data) throws SQLException {
		if (URL == null) {
			RequiredOnCi.missing("TEST_POSTGRES_URL is not set");
		}
		execute("CREATE SCHEMA " + SCHEMA);
		return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
	}

	@AfterAll
	void dropSchema() throws SQLException {
		stopBackend();
		if (URL != null) {
			execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		}
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(URL);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
