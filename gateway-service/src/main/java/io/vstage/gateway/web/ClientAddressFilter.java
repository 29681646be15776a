package io.vstage.gateway.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Makes the request's remote address its client's: the connection's peer, or, when the
 * peer is a trusted proxy, the client its forwarding headers name
 * ({@link TrustedProxies}). Everything after it reads that one address
 * ({@code io.vstage.gateway.ClientAddress}): the per-address limits, the access log, and
 * the {@code X-Forwarded-For} the gateway sends on. Forwarding headers themselves are
 * stripped later, like every other client-sent one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ClientAddressFilter implements WebFilter {

	private final TrustedProxies proxies;

	ClientAddressFilter(ClientAddressProperties properties) {
		this.proxies = TrustedProxies.of(properties.trustedProxies());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		if (this.proxies.isEmpty() || remote == null || remote.getAddress() == null) {
			return chain.filter(exchange);
		}
		InetAddress client = this.proxies.clientOf(remote.getAddress(), exchange.getRequest().getHeaders());
		if (client.equals(remote.getAddress())) {
			return chain.filter(exchange);
		}
		InetSocketAddress forwarded = new InetSocketAddress(client, remote.getPort());
		return chain.filter(exchange.mutate().request((request) -> request.remoteAddress(forwarded)).build());
	}

}
