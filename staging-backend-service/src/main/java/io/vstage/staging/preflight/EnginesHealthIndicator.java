package io.vstage.staging.preflight;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness: down while no instance can run the default workflow.
 */
@Component("engines")
class EnginesHealthIndicator extends AbstractHealthIndicator {

	private final Preflight preflight;

	EnginesHealthIndicator(Preflight preflight) {
		this.preflight = preflight;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		if (this.preflight.canRunDefaultWorkflow()) {
			builder.up();
		}
		else {
			builder.down().withDetail("reason", "no engine can run the default workflow");
		}
	}

}
