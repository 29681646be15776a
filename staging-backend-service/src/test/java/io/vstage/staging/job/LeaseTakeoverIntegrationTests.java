package io.vstage.staging.job;

import java.nio.file.Path;

/**
 * Lease takeover on a SQLite file.
 */
class LeaseTakeoverIntegrationTests extends LeaseTakeoverTests {

	@Override
	String databaseUrl(Path data) {
		return "jdbc:sqlite:" + data.resolve("staging.db") + "?journal_mode=WAL&busy_timeout=10000&foreign_keys=true";
	}

}
