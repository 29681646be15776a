package io.vstage.staging.webhook;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Webhook settings.
 *
 * @param allowedHosts the host names (exactly, case-insensitive) and address ranges in
 * CIDR notation ({@code 10.1.2.0/24}, {@code fd00::/8}, {@code 127.0.0.1/32}) that
 * webhooks may target although they are private, loopback or otherwise not public, for an
 * internal receiver; empty by default, so that webhooks reach public addresses only
 */
@Validated
@ConfigurationProperties("vstage.staging.webhook")
record WebhookProperties(@Nullable List<String> allowedHosts) {

	WebhookProperties {
		allowedHosts = (allowedHosts != null)
				? allowedHosts.stream().map(String::strip).filter((host) -> !host.isEmpty()).toList() : List.of();
	}

}
