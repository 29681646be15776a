/**
 * Daily quota reservation for generation requests, with the upload spooled and streamed.
 */
@NullMarked
package io.vstage.gateway.quota;

import org.jspecify.annotations.NullMarked;
