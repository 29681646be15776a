package io.vstage.keys;

import java.security.SecureRandom;
import java.time.Clock;

import io.vstage.keys.legacy.LegacyImportCommand;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point of the key manager. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class KeyManagerApplication {

	/**
	 * {@code java -jar key-manager-service.jar check-super-admin-key}: applies the
	 * start-up rules to {@code SUPER_ADMIN_API_KEY} without starting (for
	 * {@code ./suite doctor}).
	 */
	static final String CHECK_SUPER_ADMIN_KEY = "check-super-admin-key";

	public static void main(String[] args) {
		if (args.length > 0 && LegacyImportCommand.NAME.equals(args[0])) {
			System.exit(LegacyImportCommand.run(KeyManagerApplication.class, args));
		}
		if (args.length > 0 && CHECK_SUPER_ADMIN_KEY.equals(args[0])) {
			System.exit(checkSuperAdminKey(System.getenv("SUPER_ADMIN_API_KEY")));
		}
		SpringApplication.run(KeyManagerApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	SecureRandom secureRandom() {
		return new SecureRandom();
	}

	static int checkSuperAdminKey(@Nullable String key) {
		try {
			SuperAdminKeyRules.check(key);
			System.out.println("SUPER_ADMIN_API_KEY passes the key manager's rules");
			return 0;
		}
		catch (IllegalArgumentException ex) {
			System.out.println(ex.getMessage());
			return 1;
		}
	}

}
