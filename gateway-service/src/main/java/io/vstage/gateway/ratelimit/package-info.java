/**
 * Token buckets per key and per client address, in memory or shared in Redis.
 */
@NullMarked
package io.vstage.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
