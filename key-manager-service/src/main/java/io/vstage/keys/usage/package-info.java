/**
 * Usage events sent in batches by the gateway, and per-key usage reports.
 */
@NullMarked
package io.vstage.keys.usage;

import org.jspecify.annotations.NullMarked;
