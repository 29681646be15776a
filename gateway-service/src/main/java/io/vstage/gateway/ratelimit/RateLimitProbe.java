package io.vstage.gateway.ratelimit;

/**
 * The outcome of spending one token.
 *
 * @param consumed whether the token was there
 * @param limit tokens per window (the bucket's capacity)
 * @param remaining tokens left
 * @param resetSeconds seconds until the bucket is full again
 * @param retryAfterSeconds seconds until a token is available (0 when consumed)
 */
public record RateLimitProbe(boolean consumed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
}
