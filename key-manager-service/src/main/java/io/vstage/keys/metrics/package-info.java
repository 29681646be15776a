/**
 * Metrics of the key manager beyond Boot's {@code http.server.requests}.
 */
@NullMarked
package io.vstage.keys.metrics;

import org.jspecify.annotations.NullMarked;
