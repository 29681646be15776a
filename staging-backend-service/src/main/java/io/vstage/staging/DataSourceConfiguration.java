package io.vstage.staging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SQLite by default, PostgreSQL (or any JDBC URL) when {@code STAGING_DB_URL} says so. An
 * empty {@code STAGING_DB_URL}, as a fresh {@code .env} has it, means the default; the
 * folder of a SQLite file is created.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

	private static final String SQLITE = "jdbc:sqlite:";

	static final String DEFAULT_URL = SQLITE
			+ "./data/staging.db?journal_mode=WAL&busy_timeout=10000&foreign_keys=true";

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(DataSourceProperties properties) {
		String url = url(properties.getUrl());
		if (url.startsWith(SQLITE)) {
			createFolder(url);
		}
		// not initializeDataSourceBuilder(): it rejects an empty URL before the default
		// applies
		return DataSourceBuilder.create(getClass().getClassLoader())
			.type(HikariDataSource.class)
			.url(url)
			.username(properties.getUsername())
			.password(properties.getPassword())
			.build();
	}

	static String url(@Nullable String configured) {
		return (configured != null && !configured.isBlank()) ? configured.strip() : DEFAULT_URL;
	}

	private static void createFolder(String url) {
		String rest = url.substring(SQLITE.length());
		int query = rest.indexOf('?');
		String file = (query >= 0) ? rest.substring(0, query) : rest;
		if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
			return;
		}
		Path parent = Path.of(file).toAbsolutePath().getParent();
		try {
			Files.createDirectories(parent);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the database folder " + parent, ex);
		}
	}

}
