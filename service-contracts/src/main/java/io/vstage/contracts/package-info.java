/**
 * The rules that more than one service applies, each in one place: internal tokens
 * ({@code token}), who may act on whose resources ({@code access}), what a generation
 * request asks for ({@code generation}) and the problem types ({@code problem}). Plain
 * classes: each service wires them its own way.
 */
@NullMarked
package io.vstage.contracts;

import org.jspecify.annotations.NullMarked;
