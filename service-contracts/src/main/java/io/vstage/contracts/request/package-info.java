/**
 * The request id that follows a request from the gateway through every service: its
 * header, its form and its name in the logging context.
 */
@NullMarked
package io.vstage.contracts.request;

import org.jspecify.annotations.NullMarked;
