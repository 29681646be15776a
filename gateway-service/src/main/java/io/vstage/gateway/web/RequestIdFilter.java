package io.vstage.gateway.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import io.vstage.contracts.request.RequestIds;
import io.vstage.gateway.GatewayAttributes;
import io.vstage.gateway.GatewayFilterOrder;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Gives every request an {@code X-Request-Id}: the client's when it is a sane token, a
 * new UUID otherwise; returned to the client and forwarded to the services (to the key
 * manager through the Reactor context, see {@code WebClientKeyManagerClient}).
 */
@Component
class RequestIdFilter implements GlobalFilter, Ordered {

	static final String HEADER = RequestIds.HEADER;

	// a client id is kept only when it cannot smuggle anything into logs or headers
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		String sent = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = RequestIds.isValid(sent) ? sent : newId();
		exchange.getAttributes().put(GatewayAttributes.REQUEST_ID, id);
		exchange.getResponse().getHeaders().set(HEADER, id);
		ServerHttpRequest request = exchange.getRequest()
			.mutate()
			.headers((headers) -> headers.set(HEADER, id))
			.build();
		return chain.filter(exchange.mutate().request(request).build())
			.contextWrite(Context.of(GatewayAttributes.REQUEST_ID, id));
	}

	// a request id is a correlation token, not a secret: no need for SecureRandom on
	// every request
	static String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
				(random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
			.toString();
	}

	@Override
	public int getOrder() {
		return GatewayFilterOrder.REQUEST_ID;
	}

}
