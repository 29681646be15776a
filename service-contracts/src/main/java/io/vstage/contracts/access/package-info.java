/**
 * Who may act on whose resources, for keys, jobs, files, usage and audit alike: a user
 * its own; an admin its own and those of the user keys it issued; the super admin all.
 */
@NullMarked
package io.vstage.contracts.access;

import org.jspecify.annotations.NullMarked;
