package io.vstage.gateway;

import java.net.InetSocketAddress;

import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request's connection comes from. Client-sent forwarding headers are not
 * trusted: they are stripped before anything reads them.
 *
 * @param value the IP address as text
 */
public record ClientAddress(String value) {

	/** The address of the exchange's connection. */
	public static ClientAddress of(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		if (remote == null) {
			return new ClientAddress("unknown");
		}
		return new ClientAddress(
				(remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString());
	}

}
