package io.vstage.systemtests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lead's launcher as a new team member uses it (issue 7, "Run it"): {@code ./suite up
 * --simulator} from the repository root, on an env file made from {@code .env.example}
 * with fresh secrets and four free ports, and a state and data folder of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteLauncherTests {

	private static final Duration UP_WITHIN = Duration.ofSeconds(60);

	private static LauncherRun run;

	private static Process up;

	private static long startedAt;

	@BeforeAll
	static void startTheSuite() {
		run = LauncherRun.create();
		startedAt = System.nanoTime();
		up = run.start(run.envFile(), "up", "--simulator");
		// the assertion on the minute is the first test's; here only give up on a
		// launcher that hangs
		Awaitility.await("./suite up prints that it is running; output:\n" + run.output())
			.atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> run.output().contains("Ctrl-C stops everything.") || !up.isAlive());
		assertThat(up.isAlive()).as("./suite up is running; it printed:\n%s", run.output()).isTrue();
	}

	@AfterAll
	static void stopTheSuite() {
		if (up != null && up.isAlive()) {
			run.runToEnd(run.envFile(), "down");
			up.destroyForcibly();
		}
	}

	@Test
	@Order(1)
	void upPrintsTheUrlsAndTheStagingAppAnswersWithinAMinute() {
		String staging = "http://127.0.0.1:" + run.port("GATEWAY_PORT") + "/";
		assertThat(run.output()).contains("staging app     " + staging)
			.contains("admin console   " + staging + "admin")
			.contains("http://127.0.0.1:" + run.port("SIMULATOR_PORT") + "   (simulated engine)");
		HttpResponse<String> page = EndToEndJobs.send(HttpClient.newHttpClient(),
				HttpRequest.newBuilder(URI.create(staging)).build());
		Duration took = Duration.ofNanos(System.nanoTime() - startedAt);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> type.startsWith("text/html"));
		assertThat(page.body()).containsIgnoringCase("<html");
		assertThat(took).as("from ./suite up to a working staging app").isLessThanOrEqualTo(UP_WITHIN);
	}

	@Test
	@Order(2)
	void statusReportsEveryServiceHealthy() {
		LauncherRun.Result status = run.runToEnd(run.envFile(), "status");
		assertThat(status.exitCode()).isZero();
		for (String service : List.of("simulator", "key-manager", "staging-backend", "gateway")) {
			assertThat(status.output()).as("./suite status").containsPattern("(?m)^\\s+" + service + "\\s+healthy\\s");
		}
	}

	@Test
	@Order(3)
	void doctorPassesWhileTheSuiteRuns() {
		LauncherRun.Result doctor = run.runToEnd(run.envFile(), "doctor");
		assertThat(doctor.exitCode()).as("./suite doctor printed:\n%s", doctor.output()).isZero();
		assertThat(doctor.output()).contains("All checks passed.").contains("(SIMULATED engine)");
	}

	@Test
	@Order(4)
	void doctorRefusesAShortSuperAdminKeyAndSaysHowToFixIt() {
		Path weak = run.envFileWith(Map.of("SUPER_ADMIN_API_KEY", "short-key"));
		LauncherRun.Result doctor = run.runToEnd(weak, "doctor");
		assertThat(doctor.exitCode()).isNotZero();
		assertThat(doctor.output()).contains("SUPER_ADMIN_API_KEY is shorter than 32 characters")
			.contains("fix: generate one with: head -c 48 /dev/urandom");
	}

	@Test
	@Order(5)
	void anInterruptStopsEveryService() throws InterruptedException {
		run.interrupt(up);
		assertThat(up.waitFor(60, TimeUnit.SECONDS)).as("./suite up ends after SIGINT").isTrue();
		assertThat(up.exitValue()).isZero();
		assertThat(run.output()).contains("Stopping...");
		for (String port : List.of("GATEWAY_PORT", "KEY_MANAGER_PORT", "STAGING_BACKEND_PORT", "SIMULATOR_PORT")) {
			assertThat(accepts(run.port(port))).as("%s %d still accepts connections", port, run.port(port)).isFalse();
		}
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
