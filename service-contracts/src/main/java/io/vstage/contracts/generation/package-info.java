/**
 * The one reading of a generation request (its fields, photos and quota units), applied
 * by the gateway that reserves the quota and by the backend that renders, so that both
 * see the same request. Anything two readers could take differently is refused.
 */
@NullMarked
package io.vstage.contracts.generation;

import org.jspecify.annotations.NullMarked;
