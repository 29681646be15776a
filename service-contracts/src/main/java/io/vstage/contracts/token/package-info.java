/**
 * The internal token (docs/CONTRACTS.md, "Internal JWT"): minted by the gateway for every
 * routed request and by services for their own calls, verified by every service with the
 * same rules.
 */
@NullMarked
package io.vstage.contracts.token;

import org.jspecify.annotations.NullMarked;
