package io.vstage.keys;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import io.vstage.keys.key.KeySecret;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start-up refuses weak secrets and says how to make good ones. */
class KeyManagerPropertiesTests {

	/** Made with {@code openssl rand -base64 48 | tr -d '/+='}. */
	private static final String GOOD = "fRrkdqgBf6PZL5u36vheL0dT2SsALuyrjwbsEud0eukZqvl2F5CUup8t0Oz0j";

	@Test
	void missingSuperAdminKeyIsRefusedWithHowToGenerateOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties("", GOOD))
			.withMessageContaining("SUPER_ADMIN_API_KEY")
			.withMessageContaining("openssl rand -base64 48");
	}

	@Test
	void shortSuperAdminKeyIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties("a".repeat(31), GOOD))
			.withMessageContaining("shorter than 32");
	}

	@Test
	void wellKnownPlaceholderIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties("sk-proj-superadmin-default-key-change-me", GOOD))
			.withMessageContaining("placeholder");
	}

	@Test
	void lowEntropySuperAdminKeysAreRefusedWithHowToGenerateOne() {
		for (String weak : List.of("a".repeat(32), "password".repeat(4), "abcdefghijklmnopqrstuvwxyzABCDEF",
				"0123456789abcdef0123456789abcdef-good", "Password1Password1Password1Password1")) {
			assertThatIllegalArgumentException().as(weak)
				.isThrownBy(() -> properties(weak, GOOD))
				.withMessageContaining("SUPER_ADMIN_API_KEY")
				.withMessageContaining("too easy to guess")
				.withMessageContaining("openssl rand -base64 48 | tr -d '/+='");
		}
	}

	@Test
	void theSuperAdminKeyTheFirstVersionPublishedIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties("sk-proj-superadmin-iRskCpsLWvWjAWAfqVYEZXkACrJmtYr-", GOOD))
			.withMessageContaining("SUPER_ADMIN_API_KEY")
			.withMessageContaining("published");
		assertThat(SuperAdminKeyRules
			.isPublishedHash(KeySecret.sha256Hex("sk-proj-superadmin-iRskCpsLWvWjAWAfqVYEZXkACrJmtYr-"))).isTrue();
		assertThat(SuperAdminKeyRules.isPublishedHash(KeySecret.sha256Hex(GOOD))).isFalse();
	}

	/**
	 * Random keys of 32 characters pass, whatever alphabet the generator uses; a seeded
	 * generator, so a failure can be replayed.
	 */
	@Test
	void randomKeysOfThirtyTwoCharactersAreAccepted() {
		Random random = new Random(20261207);
		for (String alphabet : List.of("0123456789abcdef", "abcdefghijklmnopqrstuvwxyz",
				"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")) {
			for (int i = 0; i < 2000; i++) {
				StringBuilder key = new StringBuilder();
				for (int c = 0; c < 32; c++) {
					key.append(alphabet.charAt(random.nextInt(alphabet.length())));
				}
				assertThatNoException().as(key.toString()).isThrownBy(() -> properties(key.toString(), GOOD));
			}
		}
		assertThatNoException().isThrownBy(() -> properties(Jwts.SUPER_ADMIN_KEY, GOOD));
	}

	@Test
	void missingOrShortJwtSecretIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(GOOD, null))
			.withMessageContaining("INTERNAL_JWT_SECRET");
		assertThatIllegalArgumentException().isThrownBy(() -> properties(GOOD, "short"))
			.withMessageContaining("INTERNAL_JWT_SECRET");
	}

	@Test
	void goodValuesAreAcceptedAndNeverPrinted() {
		assertThatNoException().isThrownBy(() -> properties(GOOD, GOOD + "x"));
		assertThat(properties(GOOD, GOOD + "x").toString()).doesNotContain(GOOD);
	}

	@Test
	void emptyQuotaZoneMeansUtc() {
		KeyManagerProperties properties = new KeyManagerProperties(GOOD, GOOD, "key-manager", "", Duration.ofSeconds(2),
				Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10));
		assertThat(properties.quotaZone()).isEqualTo(ZoneId.of("UTC"));
	}

	@Test
	void applicationDoesNotStartWithAPlaceholderKey() {
		SpringApplication application = new SpringApplication(KeyManagerApplication.class);
		assertThatThrownBy(() -> application.run("--server.port=0",
				"--vstage.keys.super-admin-api-key=sk-proj-superadmin-default-key-change-me",
				"--vstage.keys.internal-jwt-secret=" + GOOD, "--spring.datasource.url=jdbc:sqlite:target/never.db"))
			.hasStackTraceContaining("openssl rand -base64 48");
	}

	private static KeyManagerProperties properties(String superAdminKey, String jwtSecret) {
		return new KeyManagerProperties(superAdminKey, jwtSecret, "key-manager", "UTC", Duration.ofSeconds(2),
				Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10));
	}

}
