/**
 * Tomcat's own error answers (a request it refuses before any servlet sees it, such as an
 * encoded NUL or slash in the path) as {@code application/problem+json}, like every other
 * error of the suite. An auto-configuration: a servlet service on Tomcat gets it by
 * depending on this module.
 */
@NullMarked
package io.vstage.contracts.servlet;

import org.jspecify.annotations.NullMarked;
