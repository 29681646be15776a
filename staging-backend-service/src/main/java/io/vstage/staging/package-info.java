/**
 * Staging backend service: generation jobs, ComfyUI engines, outputs, refunds and
 * webhooks.
 */
@NullMarked
package io.vstage.staging;

import org.jspecify.annotations.NullMarked;
