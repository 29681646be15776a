package io.vstage.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SQLite by default, PostgreSQL when {@code KEYS_DB_URL} says so. For SQLite the folder
 * is created, and WAL, a busy timeout and immediate transactions make concurrent writers
 * queue for the write lock instead of failing with SQLITE_BUSY.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfig {

	private static final String SQLITE = "jdbc:sqlite:";

	/**
	 * The default when {@code KEYS_DB_URL} is unset or empty (as in a fresh
	 * {@code .env}).
	 */
	static final String DEFAULT_URL = SQLITE + "./data/keys.db";

	@Bean
	HikariDataSource dataSource(DataSourceProperties properties) {
		String url = url(properties);
		boolean sqlite = url.startsWith(SQLITE);
		// not initializeDataSourceBuilder(): it rejects an empty URL before the default
		// applies
		HikariDataSource dataSource = DataSourceBuilder.create(getClass().getClassLoader())
			.type(HikariDataSource.class)
			.url(sqlite ? prepareSqlite(url) : url)
			.username(properties.getUsername())
			.password(properties.getPassword())
			.build();
		dataSource.setPoolName("keys");
		if (sqlite) {
			// SQLite has one writer at a time anyway. A second connection of this process
			// would
			// wait for the lock inside native code, which holds a virtual thread's
			// carrier; with
			// one connection, waiters park in the pool instead (busy_timeout still covers
			// other
			// processes, such as the legacy import).
			dataSource.setMaximumPoolSize(1);
		}
		return dataSource;
	}

	@Bean
	HibernatePropertiesCustomizer sqliteDialect(DataSourceProperties properties) {
		return (hibernate) -> {
			if (url(properties).startsWith(SQLITE)) {
				hibernate.put("hibernate.dialect", "org.hibernate.community.dialect.SQLiteDialect");
			}
		};
	}

	private static String url(DataSourceProperties properties) {
		String url = properties.getUrl();
		return (url != null && !url.isBlank()) ? url.strip() : DEFAULT_URL;
	}

	static String prepareSqlite(String url) {
		String rest = url.substring(SQLITE.length());
		int query = rest.indexOf('?');
		String file = (query >= 0) ? rest.substring(0, query) : rest;
		if (!file.isEmpty() && !file.startsWith(":memory:") && !file.startsWith("file:")) {
			Path parent = Path.of(file).toAbsolutePath().getParent();
			try {
				Files.createDirectories(parent);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot create the database folder " + parent, ex);
			}
		}
		StringBuilder prepared = new StringBuilder(url);
		appendIfAbsent(prepared, "journal_mode", "WAL");
		appendIfAbsent(prepared, "synchronous", "NORMAL");
		appendIfAbsent(prepared, "busy_timeout", "15000");
		appendIfAbsent(prepared, "transaction_mode", "IMMEDIATE");
		return prepared.toString();
	}

	private static void appendIfAbsent(StringBuilder url, String name, String value) {
		if (url.indexOf(name + "=") < 0) {
			url.append((url.indexOf("?") < 0) ? '?' : '&').append(name).append('=').append(value);
		}
	}

}
