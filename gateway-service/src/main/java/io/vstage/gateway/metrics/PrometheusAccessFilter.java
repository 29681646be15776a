package io.vstage.gateway.metrics;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The gateway's port is public and has no login of its own, so
 * {@code /actuator/prometheus} answers only a scraper on a private network talking to the
 * gateway directly: the connection comes from a loopback, site-local or unique-local
 * address and carries no forwarding header (a load balancer in front adds one). Anyone
 * else gets 404.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PrometheusAccessFilter implements WebFilter {

	static final String PATH = "/actuator/prometheus";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith(PATH) || isInternal(exchange)) {
			return chain.filter(exchange);
		}
		exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
		return exchange.getResponse().setComplete();
	}

	static boolean isInternal(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		if (headers.getFirst("Forwarded") != null || headers.getFirst("X-Forwarded-For") != null) {
			return false;
		}
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		InetAddress address = (remote != null) ? remote.getAddress() : null;
		return address != null && (address.isLoopbackAddress() || address.isSiteLocalAddress()
				|| address.isLinkLocalAddress() || isUniqueLocal(address));
	}

	// fc00::/7, IPv6's private range, which InetAddress.isSiteLocalAddress() does not
	// cover
	private static boolean isUniqueLocal(InetAddress address) {
		return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
	}

}
