package io.vstage.gateway.keymanager;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway talks to the key manager and caches its answers.
 *
 * @param url base URL of key-manager-service ({@code KEY_MANAGER_URL})
 * @param timeout longest wait for one internal call
 * @param changePollInterval pause between two reads of the change feed; with the cache
 * drop that follows, a change is enforced within this interval plus one call
 * @param principalTtl longest time a valid answer stays cached (the change feed evicts
 * sooner)
 * @param negativeTtl how long an unknown/revoked/expired answer stays cached
 * @param outageGrace how long cached principals keep working once the key manager stops
 * answering
 * @param quotaRefresh age after which the live quota shown by {@code /api/v1/me} is
 * refreshed in the background
 * @param cacheSize most principals cached
 */
@ConfigurationProperties("vstage.gateway.key-manager")
@Validated
public record KeyManagerProperties(@DefaultValue("http://127.0.0.1:8004") @NotNull URI url,
		@DefaultValue("2s") Duration timeout, @DefaultValue("400ms") Duration changePollInterval,
		@DefaultValue("10m") Duration principalTtl, @DefaultValue("5s") Duration negativeTtl,
		@DefaultValue("60s") Duration outageGrace, @DefaultValue("5s") Duration quotaRefresh,
		@DefaultValue("100000") long cacheSize) {
}
