/**
 * Minting of the internal JWT that services trust.
 */
@NullMarked
package io.vstage.gateway.jwt;

import org.jspecify.annotations.NullMarked;
