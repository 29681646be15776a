/**
 * API keys: the entity, its secret format, its roles and the change feed of key changes.
 */
@NullMarked
package io.vstage.keys.key;

import org.jspecify.annotations.NullMarked;
