package io.vstage.systemtests;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret and no key in any log line (issue 7, "Operate it"): after a full run through
 * the gateway (bootstrap, keys issued, rotated and revoked, a room staged, keys of valid
 * shape that nobody issued, in every place a client may put them), every service's
 * captured log is searched for each secret of the run and for anything shaped like a key
 * or a JWT.
 */
class NoSecretsInLogsTests {

	/**
	 * Issued keys ({@code vsk_} + 49); the key manager shows at most 8 characters of
	 * them.
	 */
	private static final Pattern ISSUED_KEY = Pattern.compile("vsk_[0-9A-Za-z]{9,}");

	private static final Pattern LEGACY_KEY = Pattern.compile("sk-proj-[A-Za-z0-9_-]{9,}");

	/** A JWT's header ({"alg"... in base64url) followed by a dot. */
	private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.");

	@RegisterExtension
	static final SharedSuite shared = new SharedSuite(SharedSuite.TWO_ENGINES);

	@Test
	void noLogLineOfAFullRunCarriesASecretAKeyOrAJwt() throws IOException {
		Suite suite = shared.suite();
		Set<String> secrets = new HashSet<>(fullRun(suite));
		secrets.add(suite.superAdminKey());
		secrets.addAll(suite.internalSecrets());
		secrets.addAll(suite.issuedSecrets());

		List<Path> logs = new ArrayList<>(suite.processes().stream().map(ServiceProcess::log).toList());
		assertThat(logs).hasSize(5);
		for (Path log : logs) {
			String text = Files.readString(log);
			assertThat(text).as("start-up lines of %s", log).containsAnyOf("Started ", "listening on http://");
		}
		// the browser tests' suite writes there too: its secrets are unknown here, but
		// their shapes are not
		try (Stream<Path> all = Files.list(Path.of("target", "suite-logs"))) {
			all.filter((log) -> !logs.contains(log)).forEach(logs::add);
		}
		List<String> leaks = new ArrayList<>();
		for (Path log : logs) {
			List<String> lines = Files.readAllLines(log);
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i);
				for (String secret : secrets) {
					if (line.contains(secret)) {
						leaks.add(log.getFileName() + ":" + (i + 1) + " carries a secret of the run: " + line);
					}
				}
				for (Pattern shape : List.of(ISSUED_KEY, LEGACY_KEY, JWT)) {
					Matcher matcher = shape.matcher(line);
					if (matcher.find()) {
						leaks.add(log.getFileName() + ":" + (i + 1) + " carries " + matcher.group() + ": " + line);
					}
				}
			}
		}
		assertThat(leaks).isEmpty();
	}

	@Test
	void theSearchFindsAKeyWrittenIntoALog() throws IOException {
		Path log = Files.createTempFile("vstage-log-probe", ".log");
		try {
			Files.writeString(log, "INFO authenticated vsk_" + "A".repeat(49) + " eyJhbGciOiJIUzI1NiJ9.e30.x\n");
			String line = Files.readAllLines(log).get(0);
			assertThat(ISSUED_KEY.matcher(line).find()).isTrue();
			assertThat(JWT.matcher(line).find()).isTrue();
			assertThat(ISSUED_KEY.matcher("key vsk_AbCd1234… revoked").find()).as("a shown prefix").isFalse();
		}
		finally {
			Files.delete(log);
		}
	}

	/** Everything a team does in a day, and the secrets it used. */
	private static List<String> fullRun(Suite suite) {
		SuiteApi api = suite.api();
		List<String> secrets = new ArrayList<>();
		SuiteApi.IssuedKey admin = api.createKey(suite.superAdminKey(), "logs admin", "admin", 50);
		SuiteApi.IssuedKey user = api.createKey(admin.secret(), "logs user", "user", 20);
		secrets.add(admin.secret());
		secrets.add(user.secret());
		JsonNode job = EndToEndJobs.stageAndAwait(api, user.secret(), Photos.emptyRoom("logs-room", Color.ORANGE), 2);
		assertThat(job.get("status").asString()).isEqualTo("completed");
		assertThat(api.json("GET", "/api/v1/me", user.secret(), null).status()).isEqualTo(200);
		SuiteApi.Answer rotated = api.json("POST", "/api/v1/keys/" + user.id() + "/rotate", admin.secret(), Map.of());
		assertThat(rotated.status()).as("rotate %s", rotated).isBetween(200, 201);
		String newSecret = rotated.body().get("api_key").asString();
		secrets.add(newSecret);
		assertThat(api.json("GET", "/api/v1/me", newSecret, null).status()).isEqualTo(200);
		assertThat(api.json("POST", "/api/v1/keys/" + user.id() + "/revoke", admin.secret(), null).status())
			.isBetween(200, 204);

		String unknownLegacy = "sk-proj-" + randomBase64Url(43);
		String unknownIssued = "vsk_" + randomBase64Url(49).replace('-', 'x').replace('_', 'y');
		secrets.add(unknownLegacy);
		secrets.add(unknownIssued);
		for (String stranger : List.of(unknownLegacy, unknownIssued, suite.superAdminKey() + "x")) {
			assertThat(api.json("GET", "/api/v1/me", stranger, null).status()).isEqualTo(401);
			assertThat(api.json("POST", "/api/keys/validate", "", Map.of("api_key", stranger)).status())
				.isLessThan(500);
		}
		return secrets;
	}

	private static String randomBase64Url(int length) {
		byte[] bytes = new byte[length];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, length);
	}

}
