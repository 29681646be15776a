/**
 * Observability: the request id in the logging context, one access line per request, and
 * the metrics of jobs, engines and images on {@code /actuator/prometheus}.
 */
@NullMarked
package io.vstage.staging.observability;

import org.jspecify.annotations.NullMarked;
