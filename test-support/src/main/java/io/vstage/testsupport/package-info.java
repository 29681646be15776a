/**
 * Fixtures and helpers for the modules' tests; a test-scope dependency only.
 */
@NullMarked
package io.vstage.testsupport;

import org.jspecify.annotations.NullMarked;
