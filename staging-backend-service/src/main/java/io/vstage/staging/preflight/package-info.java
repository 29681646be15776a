/**
 * Preflight checks of every workflow against every engine, and the readiness they drive.
 */
@NullMarked
package io.vstage.staging.preflight;

import org.jspecify.annotations.NullMarked;
