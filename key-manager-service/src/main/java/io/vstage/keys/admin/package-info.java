/**
 * The admin REST API over keys, with the role rules of the design.
 */
@NullMarked
package io.vstage.keys.admin;

import org.jspecify.annotations.NullMarked;
