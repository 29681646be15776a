/**
 * A small HTTP/1.1 and WebSocket server on plain sockets and virtual threads, so that the
 * simulator controls every byte of its replies (aiohttp's exact error bodies, empty
 * replies, dropped connections) and pulls no web framework onto the classpath of its
 * users.
 */
package io.vstage.simulator.http;
