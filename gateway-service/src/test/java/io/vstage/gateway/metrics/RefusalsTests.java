package io.vstage.gateway.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final Refusals refusals = new Refusals(this.registry);

	@Test
	void everyInvalidKeyProblemCountsAsUnauthenticated() {
		for (String slug : new String[] { "unauthenticated", "invalid-api-key", "api-key-revoked", "api-key-expired",
				"malformed-api-key" }) {
			assertThat(this.refusals.record(slug)).isEqualTo("unauthenticated");
		}
		assertThat(this.registry.get(Refusals.METRIC).tag("reason", "unauthenticated").counters()).hasSize(5)
			.allSatisfy((counter) -> assertThat(counter.count()).isEqualTo(1.0));
	}

	@Test
	void limitsAndQuotaHaveTheirOwnReasons() {
		assertThat(this.refusals.record("rate-limited")).isEqualTo("rate_limit");
		assertThat(this.refusals.record("quota-exceeded")).isEqualTo("quota");
		assertThat(this.refusals.record("too-many-failed-authentications")).isEqualTo("failed_authentications");
		assertThat(this.registry.get(Refusals.METRIC)
			.tags("reason", "quota", "problem", "quota-exceeded")
			.counter()
			.count()).isEqualTo(1.0);
	}

	@Test
	void errorsAndAnswersWithoutAProblemAreNotRefusals() {
		assertThat(this.refusals.record("upstream-unavailable")).isNull();
		assertThat(this.refusals.record("key-manager-unavailable")).isNull();
		assertThat(this.refusals.record(null)).isNull();
		assertThat(this.registry.get(Refusals.METRIC).counters())
			.allSatisfy((counter) -> assertThat(counter.count()).isZero());
	}

}
