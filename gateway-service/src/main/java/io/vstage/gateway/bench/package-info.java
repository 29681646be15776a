/**
 * Routes that exist only under the {@code benchmark} profile, to measure what the filter
 * chain costs on a proxied route.
 */
@NullMarked
package io.vstage.gateway.bench;

import org.jspecify.annotations.NullMarked;
