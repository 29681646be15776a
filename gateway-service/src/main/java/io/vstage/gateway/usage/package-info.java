/**
 * Usage events, sent to the key manager in batches.
 */
@NullMarked
package io.vstage.gateway.usage;

import org.jspecify.annotations.NullMarked;
