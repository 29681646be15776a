package io.vstage.staging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Staging backend: turns uploaded room photos into furnished variations by driving
 * ComfyUI.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class StagingBackendApplication {

	public static void main(String[] args) throws IOException {
		// SQLite does not create the directory of its database file
		if (System.getenv("STAGING_DB_URL") == null) {
			Files.createDirectories(Path.of("data"));
		}
		SpringApplication.run(StagingBackendApplication.class, args);
	}

}
