/**
 * Answers the gateway gives itself: who am I, and the first version's key validation.
 */
@NullMarked
package io.vstage.gateway.local;

import org.jspecify.annotations.NullMarked;
