/**
 * The audit log of admin actions.
 */
@NullMarked
package io.vstage.keys.audit;

import org.jspecify.annotations.NullMarked;
