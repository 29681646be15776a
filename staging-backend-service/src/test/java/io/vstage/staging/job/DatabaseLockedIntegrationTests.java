package io.vstage.staging.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.vstage.simulator.ComfyUiSimulator;
import io.vstage.staging.JobPolling;
import io.vstage.staging.StagingApi;
import io.vstage.staging.StagingApi.Reply;
import io.vstage.staging.StagingBackendApplication;
import io.vstage.staging.TestEngines;
import io.vstage.staging.TestTokens;

import static io.vstage.staging.StagingApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQLite file locked by another process (a backup, an operator's {@code sqlite3}
 * shell): requests wait for the lock up to the busy timeout instead of failing, past it
 * they are refused with 503 {@code database-busy}, never a 500, and every job accepted
 * meanwhile is finished.
 */
class DatabaseLockedIntegrationTests {

	private static final String USER = TestTokens.user("locked-user");

	private final ComfyUiSimulator simulator = TestEngines.simulator();

	@AfterEach
	void resetSimulator() {
		TestEngines.reset(this.simulator);
	}

	@Test
	void submissionsWaitForALockShorterThanTheBusyTimeoutAndTheirJobsFinish() throws Exception {
		Path data = Files.createTempDirectory("staging-locked");
		Path file = data.resolve("staging.db");
		// the URL an operator would write: no transaction mode, the service adds it
		try (ConfigurableApplicationContext context = start(data, "jdbc:sqlite:" + file + "?busy_timeout=10000")) {
			StagingApi api = api(context);
			List<Reply> replies = new ArrayList<>();
			// jobs running meanwhile: the backend writes progress while the file is
			// locked
			for (int i = 0; i < 3; i++) {
				replies.add(submit(api));
			}
			try (ExecutorService clients = Executors.newFixedThreadPool(6)) {
				List<Future<Reply>> sent = new ArrayList<>();
				try (Connection lock = lock(file)) {
					for (int i = 0; i < 6; i++) {
						sent.add(clients.submit(() -> submit(api)));
					}
					Thread.sleep(5000);
					lock.createStatement().execute("COMMIT");
				}
				for (Future<Reply> reply : sent) {
					replies.add(reply.get());
				}
			}
			assertThat(replies).extracting(Reply::status).as("%s", replies).containsOnly(202);
			for (Reply reply : replies) {
				assertCompleted(api, reply);
			}
		}
	}

	@Test
	void aLockLongerThanTheBusyTimeoutIsRefusedWith503AndTheServiceRecovers() throws Exception {
		Path data = Files.createTempDirectory("staging-locked");
		Path file = data.resolve("staging.db");
		try (ConfigurableApplicationContext context = start(data, "jdbc:sqlite:" + file + "?busy_timeout=500")) {
			StagingApi api = api(context);
			Reply refused;
			try (Connection lock = lock(file)) {
				refused = submit(api);
				lock.createStatement().execute("COMMIT");
			}
			assertThat(refused.status()).as("%s", refused).isEqualTo(503);
			assertThat(refused.problemType()).isEqualTo("https://vstage.io/problems/database-busy");
			assertThat(refused.headers().getFirst("Retry-After")).isNotBlank();
			Reply accepted = submit(api);
			assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
			assertCompleted(api, accepted);
		}
	}

	private static void assertCompleted(StagingApi api, Reply accepted) {
		JsonNode job = JobPolling.awaitFinished(api, USER, accepted.body().path("id").asString());
		assertThat(job.path("status").asString()).as("%s", job).isEqualTo("completed");
	}

	/** Holds SQLite's write lock from a connection of its own until committed. */
	private static Connection lock(Path file) throws Exception {
		Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
		try (Statement statement = connection.createStatement()) {
			statement.execute("BEGIN EXCLUSIVE");
			statement.execute("CREATE TABLE IF NOT EXISTS operator_note (note TEXT)");
			statement.execute("INSERT INTO operator_note VALUES ('backup')");
		}
		return connection;
	}

	private ConfigurableApplicationContext start(Path data, String url) {
		return new SpringApplicationBuilder(StagingBackendApplication.class).run("--server.port=0",
				"--vstage.staging.internal-jwt-secret=" + TestTokens.SECRET,
				"--vstage.staging.signed-url-secret=test-signed-url-secret-0123456789abcdef",
				"--vstage.staging.webhook-secret=test-webhook-secret",
				"--vstage.staging.storage-dir=" + data.resolve("images"), "--spring.datasource.url=" + url,
				"--vstage.engine.urls=" + TestEngines.urls(),
				"--vstage.staging.key-manager-url=" + TestEngines.keyManagerUrl());
	}

	private static StagingApi api(ConfigurableApplicationContext context) {
		return new StagingApi(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	private static Reply submit(StagingApi api) {
		return api.submit(USER, fields("room_type", "bedroom", "style", "modern", "num_images", 2),
				TestImages.jpeg(64, 48));
	}

}
