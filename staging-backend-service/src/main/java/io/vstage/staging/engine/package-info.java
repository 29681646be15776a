/**
 * ComfyUI engines: the typed HTTP client, the WebSocket event stream and the pool of
 * instances.
 */
@NullMarked
package io.vstage.staging.engine;

import org.jspecify.annotations.NullMarked;
