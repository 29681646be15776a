package io.vstage.staging.job;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How several backends on one database share the jobs.
 *
 * @param instanceId this backend's id in job leases (env {@code STAGING_INSTANCE_ID});
 * empty means a random id per start
 * @param leaseDuration how long a job stays this backend's without a heartbeat; the
 * heartbeat runs every third of it
 * @param takeoverInterval how often expired leases of other (dead) backends are looked
 * for
 */
@Validated
@ConfigurationProperties("vstage.staging")
public record LeaseProperties(@Nullable String instanceId,
		@DefaultValue("15s") @DurationMin(seconds = 3) Duration leaseDuration,
		@DefaultValue("5s") @DurationMin(millis = 100) Duration takeoverInterval) {

}
