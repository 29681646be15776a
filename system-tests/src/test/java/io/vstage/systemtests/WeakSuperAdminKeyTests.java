package io.vstage.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A key manager refuses to start with a super admin key that is long enough but
 * guessable: it exits non-zero at start-up and names {@code SUPER_ADMIN_API_KEY} (without
 * echoing the value), instead of serving with it.
 */
class WeakSuperAdminKeyTests {

	private static final Pattern EXIT = Pattern.compile("exited with (-?[0-9]+) during start-up");

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "passwordpasswordpasswordpassword",
			"sk-proj-superadmin-iRskCpsLWvWjAWAfqVYEZXkACrJmtYr-" })
	void aKeyManagerWithAGuessableSuperAdminKeyExitsAtStartUpNamingTheVariable(String weakKey) throws IOException {
		String name = "weak-key-manager-" + UUID.randomUUID().toString().substring(0, 8);
		Path data = Files.createDirectories(Path.of("target", name));
		ServiceProcess.Builder keyManager = ServiceProcess.jar("key-manager-service")
			.name(name)
			.env("SUPER_ADMIN_API_KEY", weakKey)
			.env("INTERNAL_JWT_SECRET", UUID.randomUUID() + "-" + UUID.randomUUID())
			.env("KEYS_DB_URL", "jdbc:sqlite:" + data.resolve("keys.db"))
			.startupTimeout(Duration.ofSeconds(90));
		Throwable failure = catchThrowable(() -> keyManager.start().stop());
		assertThat(failure).as("the key manager started with SUPER_ADMIN_API_KEY=%s", weakKey)
			.isInstanceOf(IllegalStateException.class);
		Matcher exit = EXIT.matcher(failure.getMessage());
		assertThat(exit.find()).as("it exited by itself: %s", failure.getMessage()).isTrue();
		assertThat(Integer.parseInt(exit.group(1))).as("exit status").isNotZero();
		String log = Files.readString(Path.of("target", "suite-logs", name + ".log"));
		assertThat(log).contains("SUPER_ADMIN_API_KEY").doesNotContain(weakKey);
	}

}
