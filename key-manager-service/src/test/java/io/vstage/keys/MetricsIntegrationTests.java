package io.vstage.keys;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quota reservations counted by outcome and requests timed on
 * {@code /actuator/prometheus}, in the shared SQLite context.
 */
class MetricsIntegrationTests extends SqliteIntegrationTests {

	@Test
	void reservationsAreCountedByOutcome() {
		String keyId = issued("user", Map.of("daily_quota", 2)).text("id");
		String first = UUID.randomUUID().toString();
		assertThat(reserve(first, keyId, 2)).isEqualTo(201);
		assertThat(reserve(first, keyId, 2)).isEqualTo(200);
		assertThat(reserve(UUID.randomUUID().toString(), keyId, 1)).isEqualTo(429);
		Api.Reply scrape = api().get("/actuator/prometheus", Jwts.service());
		assertThat(scrape.status()).isEqualTo(200);
		String metrics = scrape.body();
		assertThat(sample(metrics, "vstage_quota_reservations_total", "outcome=\"granted\"")).isGreaterThanOrEqualTo(1);
		assertThat(sample(metrics, "vstage_quota_reservations_total", "outcome=\"replayed\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(sample(metrics, "vstage_quota_reservations_total", "outcome=\"quota_exceeded\""))
			.isGreaterThanOrEqualTo(1);
		assertThat(sample(metrics, "http_server_requests_seconds_count", "uri=\"/internal/v1/quota/reservations\""))
			.isGreaterThanOrEqualTo(3);
	}

	private int reserve(String reservationId, String keyId, int units) {
		return api()
			.post("/internal/v1/quota/reservations", Jwts.service(),
					Api.json(Map.of("reservation_id", reservationId, "key_id", keyId, "units", units)))
			.status();
	}

	/** Sum of the samples of a metric whose labels contain the given text. */
	private static double sample(String metrics, String name, String label) {
		Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
		double sum = 0;
		boolean found = false;
		while (matcher.find()) {
			if (matcher.group(1).contains(label)) {
				sum += Double.parseDouble(matcher.group(2));
				found = true;
			}
		}
		assertThat(found).as("%s{%s} in%n%s", name, label, metrics).isTrue();
		return sum;
	}

}
