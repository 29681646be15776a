package io.vstage.gateway;

import java.net.InetSocketAddress;

import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request comes from: its connection's peer, or the client a trusted proxy
 * names (the web package's {@code ClientAddressFilter} puts that client in the request's
 * remote address before anything reads it). Every per-address limit and the access log
 * use this one address; forwarding headers are never read anywhere else.
 *
 * @param value the IP address as text
 */
public record ClientAddress(String value) {

	/** The client address of the exchange. */
	public static ClientAddress of(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		if (remote == null) {
			return new ClientAddress("unknown");
		}
		return new ClientAddress(
				(remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString());
	}

}
