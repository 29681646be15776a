package io.vstage.staging.files;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.vstage.staging.StagingProperties;

import static org.assertj.core.api.Assertions.assertThat;

class LinkSignerTests {

	private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

	private static final String PATH = "/api/v1/staging/files/00000000-0000-0000-0000-000000000001/image-0.png";

	@Test
	void freshLinkIsValid() {
		String link = signer(NOW).sign(PATH);
		assertThat(signer(NOW.plusSeconds(3599)).isValid(PATH, expires(link), sig(link))).isTrue();
	}

	@Test
	void linkExpiresAfterItsLifetime() {
		String link = signer(NOW).sign(PATH);
		assertThat(signer(NOW.plusSeconds(3601)).isValid(PATH, expires(link), sig(link))).isFalse();
	}

	@Test
	void tamperedPathIsRejected() {
		String link = signer(NOW).sign(PATH);
		assertThat(signer(NOW).isValid(PATH.replace("image-0", "image-1"), expires(link), sig(link))).isFalse();
	}

	@Test
	void extendedExpiryIsRejected() {
		String link = signer(NOW).sign(PATH);
		assertThat(signer(NOW).isValid(PATH, expires(link) + 3600, sig(link))).isFalse();
	}

	private static LinkSigner signer(Instant now) {
		StagingProperties properties = new StagingProperties(Path.of("target"), "x".repeat(32), "s".repeat(32),
				URI.create("http://localhost"), "w", null, 20, 40, 1000, 500, Duration.ofMinutes(10),
				Duration.ofHours(1), Duration.ofDays(30), "joger", Duration.ofSeconds(2), Duration.ofSeconds(5));
		return new LinkSigner(properties, Clock.fixed(now, ZoneOffset.UTC));
	}

	private static long expires(String link) {
		return Long.parseLong(link.replaceAll(".*expires=(\\d+).*", "$1"));
	}

	private static String sig(String link) {
		return link.replaceAll(".*sig=([^&]+).*", "$1");
	}

}
