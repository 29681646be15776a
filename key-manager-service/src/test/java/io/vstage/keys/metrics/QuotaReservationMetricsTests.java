package io.vstage.keys.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaReservationMetricsTests {

	@Test
	void theAnswersStatusNamesTheOutcome() {
		assertThat(QuotaReservationMetrics.outcomeOf(201)).isEqualTo("granted");
		assertThat(QuotaReservationMetrics.outcomeOf(200)).isEqualTo("replayed");
		assertThat(QuotaReservationMetrics.outcomeOf(429)).isEqualTo("quota_exceeded");
		assertThat(QuotaReservationMetrics.outcomeOf(409)).isEqualTo("rejected");
	}

	@Test
	void callersWithoutValidCredentialsAndOurFailuresAreNotReservations() {
		assertThat(QuotaReservationMetrics.outcomeOf(401)).isNull();
		assertThat(QuotaReservationMetrics.outcomeOf(403)).isNull();
		assertThat(QuotaReservationMetrics.outcomeOf(500)).isNull();
	}

}
