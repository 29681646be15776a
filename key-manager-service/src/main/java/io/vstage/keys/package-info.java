/**
 * The key manager: API keys with roles, daily quotas, usage, audit and the internal API
 * the gateway and the staging backend call.
 */
@NullMarked
package io.vstage.keys;

import org.jspecify.annotations.NullMarked;
