/**
 * Authentication of API keys for the gateway: cached principals and batched last-used
 * writes.
 */
@NullMarked
package io.vstage.keys.auth;

import org.jspecify.annotations.NullMarked;
