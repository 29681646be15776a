/**
 * API key authentication: local format check, cached principals, the key manager's change
 * feed, roles per route.
 */
@NullMarked
package io.vstage.gateway.auth;

import org.jspecify.annotations.NullMarked;
