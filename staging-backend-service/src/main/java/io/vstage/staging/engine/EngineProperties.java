package io.vstage.staging.engine;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the backend reaches its ComfyUI instances.
 *
 * @param urls base URLs of the instances (env {@code COMFYUI_URLS}, comma separated)
 * @param maxInflight most prompts queued or running on one instance at a time
 * @param heartbeat interval of WebSocket pings; a socket without a pong for two intervals
 * is replaced
 * @param silenceTimeout after this long without a WebSocket message, prompts in flight
 * are reconciled through {@code /history} and {@code /queue}
 * @param reconnectMin first reconnect delay
 * @param reconnectMax longest reconnect delay
 * @param requestTimeout timeout of one HTTP request to an engine
 * @param healthInterval how often each instance's health is checked
 * @param maxAttempts how often one image is sent again after its engine lost it
 * @param unreachableTimeout after this long with the socket down and {@code /queue}
 * unreachable, an instance counts as dead and its prompts are sent to another one
 */
@Validated
@ConfigurationProperties("vstage.engine")
public record EngineProperties(@NotEmpty List<URI> urls, @DefaultValue("2") @Min(1) int maxInflight,
		@DefaultValue("10s") Duration heartbeat, @DefaultValue("5s") Duration silenceTimeout,
		@DefaultValue("200ms") Duration reconnectMin, @DefaultValue("5s") Duration reconnectMax,
		@DefaultValue("30s") Duration requestTimeout, @DefaultValue("3s") Duration healthInterval,
		@DefaultValue("3") @Min(1) int maxAttempts, @DefaultValue("10s") Duration unreachableTimeout) {

}
