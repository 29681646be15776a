/**
 * Observability: refusal counters, one access line per routed request (with its request
 * id in the logging context) and who may read {@code /actuator/prometheus}.
 */
@NullMarked
package io.vstage.gateway.metrics;

import org.jspecify.annotations.NullMarked;
