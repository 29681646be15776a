package io.vstage.staging;

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

	public static void main(String[] args) {
		try {
			SpringApplication.run(StagingBackendApplication.class, args);
		}
		catch (RuntimeException ex) {
			// already logged. A half-started context can leave non-daemon threads behind
			// (Tomcat's await and utility threads when closing it fails) that would keep
			// a
			// failed process alive
			System.exit(1);
		}
	}

}
