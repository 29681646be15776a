/**
 * Request ids, header hygiene, problem responses, security headers and static files.
 */
@NullMarked
package io.vstage.gateway.web;

import org.jspecify.annotations.NullMarked;
