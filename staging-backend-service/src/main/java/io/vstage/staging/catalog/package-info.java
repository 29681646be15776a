/**
 * The catalogue of room types, styles and workflows, and the binding of parameters into
 * workflows.
 */
@NullMarked
package io.vstage.staging.catalog;

import org.jspecify.annotations.NullMarked;
