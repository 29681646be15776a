/**
 * The key manager's internal API as the gateway calls it (docs/CONTRACTS.md): an
 * interface, its payload records, and one WebClient implementation.
 */
@NullMarked
package io.vstage.gateway.keymanager;

import org.jspecify.annotations.NullMarked;
