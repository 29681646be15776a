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
 * queue for the write lock instead of failing with SQLITE_BUSY. Either way, threads queue
 * for a connection in a {@link ConnectionGate}, never inside the pool.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfig {

	private static final String SQLITE = "jdbc:sqlite:";

	/**
	 * The default when {@code KEYS_DB_URL} is unset or empty (as in a fresh
	 * {@code .env}).
	 */
	static final String DEFAULT_URL = SQLITE + "./data/keys.db";

	/**
	 * The pool behind a {@link ConnectionGate} with as many permits as connections.
	 * <p>
	 * Why: with virtual threads and a pool of one SQLite connection (fc6c215), every
	 * request that touched the database queued inside HikariCP, and each returned
	 * connection was handed over by Hikari's spin loop ({@code ConcurrentBag.requite}:
	 * {@code Thread.yield()} until a waiter takes it, no time limit). Thread dumps under
	 * the benchmark load showed up to three virtual threads spinning there at once for a
	 * single connection, and a borrower waited up to 14.6 s in a plain Hikari test with
	 * 2,000 virtual threads. On JDK 21 (our image) this spin is reported to occupy every
	 * carrier (HikariCP issue 2398); then nothing runs, not even the timeout of a waiter,
	 * and a request such as {@code GET /api/v1/keys} hangs (not reproduced on JDK 25
	 * here). The gate queues threads before the pool instead, in order, parked (carriers
	 * free) and for at most {@code vstage.keys.database-wait}, so Hikari has waiters only
	 * while it refills; a request that cannot get a connection in time is answered 503
	 * ({@code database-busy}).
	 */
	@Bean
	ConnectionGate dataSource(DataSourceProperties properties, KeyManagerProperties settings) {
		String url = url(properties);
		boolean sqlite = url.startsWith(SQLITE);
		// not initializeDataSourceBuilder(): it rejects an empty URL before the default
		// applies
		HikariDataSource pool = DataSourceBuilder.create(getClass().getClassLoader())
			.type(HikariDataSource.class)
			.url(sqlite ? prepareSqlite(url) : url)
			.username(properties.getUsername())
			.password(properties.getPassword())
			.build();
		pool.setPoolName("keys");
		if (sqlite) {
			// One connection, so one virtual thread at a time is inside SQLite, which
			// writes one transaction at a time anyway: a second connection of this
			// process would wait for the write lock in native code (busy_timeout),
			// holding a carrier thread. busy_timeout still covers other processes,
			// such as the legacy import.
			pool.setMaximumPoolSize(1);
		}
		else if (pool.getMaximumPoolSize() < 1) {
			// Hikari's default, which it applies only when the pool starts
			pool.setMaximumPoolSize(10);
		}
		// Past the gate Hikari waits only while it refills (start-up, a connection
		// retired), so a request waits at most twice database-wait in all.
		pool.setConnectionTimeout(Math.max(250, settings.databaseWait().toMillis()));
		return new ConnectionGate(pool, pool.getMaximumPoolSize(), settings.databaseWait());
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
