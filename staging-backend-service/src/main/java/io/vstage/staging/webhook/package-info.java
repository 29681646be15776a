/**
 * Signed webhook deliveries of finished jobs, retried with backoff.
 */
@NullMarked
package io.vstage.staging.webhook;

import org.jspecify.annotations.NullMarked;
