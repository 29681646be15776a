/**
 * Problem types (RFC 9457): one base URI and the slugs more than one service answers.
 */
@NullMarked
package io.vstage.contracts.problem;

import org.jspecify.annotations.NullMarked;
