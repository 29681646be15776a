package io.vstage.keys;

import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start-up refuses weak secrets and says how to make good ones. */
class KeyManagerPropertiesTests {

	private static final String GOOD = "0123456789abcdef0123456789abcdef-good";

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
		KeyManagerProperties properties = new KeyManagerProperties(GOOD, GOOD, "key-manager", Duration.ofSeconds(60),
				"", Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10));
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
		return new KeyManagerProperties(superAdminKey, jwtSecret, "key-manager", Duration.ofSeconds(60), "UTC",
				Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10));
	}

}
