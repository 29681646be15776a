/**
 * Address ranges (CIDR blocks), read from literals only, never looked up: for the proxies
 * a gateway trusts and the webhook targets a backend refuses or allows.
 */
@NullMarked
package io.vstage.contracts.net;

import org.jspecify.annotations.NullMarked;
