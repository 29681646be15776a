package io.vstage.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Redis of a test's own ({@code redis-server} from the PATH) on a free port, without
 * persistence: a test may stop and restart it without touching the shared one.
 */
final class RedisServers {

	private RedisServers() {
	}

	/**
	 * How to start one; skips the test when {@code redis-server} is missing, fails with
	 * {@code CI=true}.
	 */
	static ServiceProcess.Builder server(String name) {
		boolean installed = Files.isExecutable(Path.of("/usr/bin/redis-server"))
				|| Files.isExecutable(Path.of("/usr/local/bin/redis-server"));
		if (!installed) {
			RequiredOnCi.missing("redis-server is not installed");
		}
		try {
			Path dir = Files.createTempDirectory("vstage-" + name + "-");
			ServiceProcess.Builder redis = ServiceProcess.executable(name, "redis-server");
			return redis.arg("--port", String.valueOf(redis.port()), "--bind", "127.0.0.1", "--save", "",
					"--appendonly", "no", "--dir", dir.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The URL a gateway is given ({@code RATE_LIMIT_REDIS_URL}). */
	static String url(ServiceProcess.Builder redis) {
		return "redis://127.0.0.1:" + redis.port();
	}

}
