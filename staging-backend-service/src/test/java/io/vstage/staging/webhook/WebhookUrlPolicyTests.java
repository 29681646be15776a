package io.vstage.staging.webhook;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.vstage.staging.StagingProblem;
import io.vstage.staging.StagingProperties;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookUrlPolicyTests {

	private final WebhookUrlPolicy strict = policy(false);

	@ParameterizedTest
	@ValueSource(strings = { "ftp://example.com/hook", "file:///etc/passwd", "http://127.0.0.1:8080/hook",
			"http://localhost/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook",
			"http://0.0.0.0/hook", "http://user:pw@example.com/hook", "not a url" })
	void unsafeTargetsAreRefused(String url) {
		assertThatThrownBy(() -> this.strict.check(url)).isInstanceOf(StagingProblem.class)
			.hasMessageContaining("unsafe-webhook-url");
	}

	@Test
	void publicAddressIsAccepted() {
		assertThatNoException().isThrownBy(() -> this.strict.check("https://93.184.215.14/hook"));
	}

	@Test
	void loopbackIsAcceptedWhenPrivateTargetsAreAllowed() {
		assertThatNoException().isThrownBy(() -> policy(true).check("http://127.0.0.1:9000/hook"));
	}

	private static WebhookUrlPolicy policy(boolean allowPrivate) {
		return new WebhookUrlPolicy(
				new StagingProperties(Path.of("target"), "x".repeat(32), "s".repeat(32), URI.create("http://localhost"),
						"w", null, 20, 40, 10, 1000, 500, Duration.ofMinutes(10), Duration.ofHours(1),
						Duration.ofDays(30), "joger", allowPrivate, Duration.ofSeconds(2), Duration.ofSeconds(5)));
	}

}
