package io.vstage.gateway.usage;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Usage events.
 *
 * @param flushInterval pause between two batches sent to the key manager
 * @param batchSize most events in one batch (the key manager takes at most 1000)
 * @param bufferSize most events waiting; beyond it new events are dropped and counted in
 * the log
 */
@ConfigurationProperties("vstage.gateway.usage")
@Validated
record UsageProperties(@DefaultValue("1s") Duration flushInterval,
		@DefaultValue("1000") @Min(1) @Max(1000) int batchSize, @DefaultValue("100000") @Min(1) int bufferSize) {
}
