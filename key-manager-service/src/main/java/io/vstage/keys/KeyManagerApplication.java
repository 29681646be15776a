package io.vstage.keys;

import java.security.SecureRandom;
import java.time.Clock;

import io.vstage.keys.legacy.LegacyImportCommand;

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

	public static void main(String[] args) {
		if (args.length > 0 && LegacyImportCommand.NAME.equals(args[0])) {
			System.exit(LegacyImportCommand.run(KeyManagerApplication.class, args));
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

}
