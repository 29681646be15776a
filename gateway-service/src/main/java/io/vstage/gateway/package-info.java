/**
 * The gateway: every public request passes its global filters, ordered by
 * {@link io.vstage.gateway.GatewayFilterOrder}, before it is routed or answered locally.
 */
@NullMarked
package io.vstage.gateway;

import org.jspecify.annotations.NullMarked;
