/**
 * Import of the first (Python) version's SQLite database.
 */
@NullMarked
package io.vstage.keys.legacy;

import org.jspecify.annotations.NullMarked;
