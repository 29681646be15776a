package io.vstage.staging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh {@code .env} sets {@code STAGING_DB_URL=} and {@code STAGING_STORAGE_DIR=}
 * empty: the backend starts on its defaults, SQLite and files under {@code ./data}.
 */
class EmptyEnvironmentIntegrationTests {

	private static final Path DEFAULT_DATA = Path.of("data");

	@Test
	void blankDatabaseUrlMeansTheSqliteDefault() {
		assertThat(DataSourceConfiguration.url("")).isEqualTo(DataSourceConfiguration.DEFAULT_URL);
		assertThat(DataSourceConfiguration.url("  ")).isEqualTo(DataSourceConfiguration.DEFAULT_URL);
		assertThat(DataSourceConfiguration.url(null)).isEqualTo(DataSourceConfiguration.DEFAULT_URL);
		assertThat(DataSourceConfiguration.url(" jdbc:postgresql://db/x ")).isEqualTo("jdbc:postgresql://db/x");
	}

	@Test
	void backendStartsWithEmptyDatabaseUrlAndStorageDir() throws IOException {
		// the defaults are relative to the working directory; leave it as it was found
		boolean existed = Files.exists(DEFAULT_DATA);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StagingBackendApplication.class).run(
				"--server.port=0", "--vstage.staging.internal-jwt-secret=" + TestTokens.SECRET,
				"--vstage.staging.signed-url-secret=test-signed-url-secret-0123456789abcdef",
				"--vstage.staging.webhook-secret=test-webhook-secret", "--spring.datasource.url=",
				"--vstage.staging.storage-dir=", "--vstage.engine.urls=" + TestEngines.urls(),
				"--vstage.staging.key-manager-url=" + TestEngines.keyManagerUrl())) {
			assertThat(context.getBean(HikariDataSource.class).getJdbcUrl())
				.isEqualTo(DataSourceConfiguration.DEFAULT_URL);
			assertThat(context.getBean(StagingProperties.class).storageDir()).isEqualTo(Path.of("data", "images"));
			assertThat(DEFAULT_DATA.resolve("staging.db")).exists();
		}
		finally {
			if (!existed) {
				deleteRecursively(DEFAULT_DATA);
			}
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

}
