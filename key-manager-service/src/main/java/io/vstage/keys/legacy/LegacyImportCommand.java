package io.vstage.keys.legacy;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar key-manager-service.jar import-legacy <api_keys.db> [--legacy-zone=<zone>]}:
 * starts the service without its web server on the configured database (the same
 * environment as the service: {@code KEYS_DB_URL}, {@code SUPER_ADMIN_API_KEY},
 * {@code INTERNAL_JWT_SECRET}), imports, prints what it did and exits.
 */
public final class LegacyImportCommand {

	/** The first program argument that selects this command. */
	public static final String NAME = "import-legacy";

	private LegacyImportCommand() {
	}

	/** Runs the import; returns the process exit code. */
	public static int run(Class<?> application, String[] args) {
		Path file = null;
		ZoneId zone = ZoneId.of("UTC");
		List<String> springArgs = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			if (args[i].startsWith("--legacy-zone=")) {
				zone = ZoneId.of(args[i].substring("--legacy-zone=".length()));
			}
			else if (args[i].startsWith("--")) {
				springArgs.add(args[i]);
			}
			else if (file == null) {
				file = Path.of(args[i]);
			}
		}
		if (file == null) {
			System.err.println("Usage: java -jar key-manager-service.jar " + NAME
					+ " <api_keys.db> [--legacy-zone=Europe/Berlin]");
			return 2;
		}
		SpringApplication spring = new SpringApplication(application);
		spring.setWebApplicationType(WebApplicationType.NONE);
		spring.setBannerMode(Banner.Mode.OFF);
		spring.setLogStartupInfo(false);
		spring.setDefaultProperties(Map.of("logging.level.root", "warn"));
		try (ConfigurableApplicationContext context = spring.run(springArgs.toArray(String[]::new))) {
			ImportSummary summary = context.getBean(LegacyImporter.class).importFrom(file, zone);
			System.out.printf("Imported %d keys (%d already present) and %d usage rows (%d skipped) from %s%n",
					summary.keysImported(), summary.keysSkipped(), summary.usageImported(), summary.usageSkipped(),
					file);
			if (summary.publishedKeysRevoked() > 0) {
				System.out.printf("Revoked %d imported keys that the first version published in its documentation%n",
						summary.publishedKeysRevoked());
			}
			return 0;
		}
		catch (Exception ex) {
			System.err.println("Legacy import failed: " + ex.getMessage());
			return 1;
		}
	}

}
