/**
 * Stored images and the signed, expiring links that serve them without an API key.
 */
@NullMarked
package io.vstage.staging.files;

import org.jspecify.annotations.NullMarked;
