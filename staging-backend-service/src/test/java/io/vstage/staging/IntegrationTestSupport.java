package io.vstage.staging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shared application context of the integration tests: a real server on a random
 * port, a fresh SQLite file and storage folder, and one simulator instance over real HTTP
 * and WebSocket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vstage.staging.internal-jwt-secret=" + TestTokens.SECRET,
				"vstage.staging.signed-url-secret=test-signed-url-secret-0123456789abcdef",
				"vstage.staging.webhook-secret=test-webhook-secret",
				"vstage.staging.webhook.allowed-hosts=127.0.0.1/32", "vstage.staging.webhook-backoff=300ms",
				"vstage.staging.refund-interval=200ms", "vstage.staging.image-deadline=6s",
				"vstage.engine.silence-timeout=1500ms", "vstage.engine.heartbeat=1s",
				"vstage.engine.health-interval=500ms" })
public abstract class IntegrationTestSupport {

	protected static final Path DATA = tempDir();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void storage(DynamicPropertyRegistry registry) {
		registry.add("vstage.staging.storage-dir", () -> DATA.resolve("images").toString());
		registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + DATA.resolve("staging.db")
				+ "?journal_mode=WAL&busy_timeout=10000&foreign_keys=true");
		registry.add("vstage.engine.urls", TestEngines::urls);
		registry.add("vstage.staging.key-manager-url", TestEngines::keyManagerUrl);
		registry.add("vstage.catalog.extra-bindings", TestEngines::originalJogerBinding);
	}

	protected StagingApi api() {
		return new StagingApi(this.port);
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("staging-it");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
