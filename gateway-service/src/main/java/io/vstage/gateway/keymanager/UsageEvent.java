package io.vstage.gateway.keymanager;

import java.time.Instant;

/**
 * One request seen by the gateway, for the key's usage statistics.
 *
 * @param keyId the key
 * @param requestId the request id
 * @param method the HTTP method
 * @param route the gateway route id
 * @param status the HTTP status returned
 * @param latencyMs time spent in the gateway and upstream
 * @param units quota units reserved
 * @param at when the request arrived
 */
public record UsageEvent(String keyId, String requestId, String method, String route, int status, long latencyMs,
		int units, Instant at) {
}
