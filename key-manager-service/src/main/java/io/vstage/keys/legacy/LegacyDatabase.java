package io.vstage.keys.legacy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;

/**
 * Reads the first version's SQLite file, read-only, tolerating older schemas (no role
 * column).
 */
final class LegacyDatabase implements AutoCloseable {

	private final Connection connection;

	private LegacyDatabase(Connection connection) {
		this.connection = connection;
	}

	static LegacyDatabase open(Path file) throws SQLException {
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("No legacy database at " + file.toAbsolutePath());
		}
		SQLiteConfig config = new SQLiteConfig();
		config.setReadOnly(true);
		return new LegacyDatabase(config.createConnection("jdbc:sqlite:" + file.toAbsolutePath()));
	}

	List<LegacyKeyRow> keys() throws SQLException {
		Set<String> columns = columns("api_keys");
		String role = columns.contains("role") ? "role" : "NULL AS role";
		List<LegacyKeyRow> rows = new ArrayList<>();
		try (Statement statement = this.connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT id, key_hash, key_prefix, name, status, user_email, "
						+ "organization, " + role + ", created_at, last_used, revoked_at, rate_limit, daily_quota, "
						+ "current_daily_usage, last_quota_reset FROM api_keys ORDER BY id")) {
			while (rs.next()) {
				rows.add(new LegacyKeyRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
						rs.getString(10), rs.getString(11), integer(rs, 12), integer(rs, 13), integer(rs, 14),
						rs.getString(15)));
			}
		}
		return rows;
	}

	List<LegacyUsageRow> usage() throws SQLException {
		if (!tables().contains("usage_logs")) {
			return List.of();
		}
		List<LegacyUsageRow> rows = new ArrayList<>();
		try (Statement statement = this.connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT id, api_key_id, service_name, request_timestamp, "
						+ "response_time_ms, success FROM usage_logs ORDER BY id")) {
			while (rs.next()) {
				Object success = rs.getObject(6);
				rows.add(new LegacyUsageRow(rs.getLong(1), integer(rs, 2), rs.getString(3), rs.getString(4),
						integer(rs, 5), success == null
								|| !("0".equals(success.toString()) || "false".equalsIgnoreCase(success.toString()))));
			}
		}
		return rows;
	}

	private Set<String> columns(String table) throws SQLException {
		Set<String> columns = new HashSet<>();
		try (Statement statement = this.connection.createStatement();
				ResultSet rs = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
			while (rs.next()) {
				columns.add(rs.getString("name").toLowerCase());
			}
		}
		return columns;
	}

	private Set<String> tables() throws SQLException {
		Set<String> tables = new HashSet<>();
		try (Statement statement = this.connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
			while (rs.next()) {
				tables.add(rs.getString(1).toLowerCase());
			}
		}
		return tables;
	}

	private static @Nullable Integer integer(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
	}

	@Override
	public void close() throws SQLException {
		this.connection.close();
	}

	/** One row of {@code usage_logs}. */
	record LegacyUsageRow(long id, @Nullable Integer apiKeyId, String serviceName, @Nullable String requestTimestamp,
			@Nullable Integer responseTimeMs, boolean success) {
	}

}
