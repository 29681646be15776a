/**
 * Internal JWT verification, caller identity and the super admin key.
 */
@NullMarked
package io.vstage.keys.security;

import org.jspecify.annotations.NullMarked;
