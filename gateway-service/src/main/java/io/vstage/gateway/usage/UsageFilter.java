package io.vstage.gateway.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Mono;

import io.vstage.gateway.GatewayAttributes;
import io.vstage.gateway.GatewayFilterOrder;
import io.vstage.gateway.auth.Principal;
import io.vstage.gateway.keymanager.UsageEvent;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Records one usage event per authenticated request once it is answered: key, route,
 * status, latency and reserved units.
 */
@Component
class UsageFilter implements GlobalFilter, Ordered {

	private final UsageBatcher batcher;

	private final Clock clock;

	UsageFilter(UsageBatcher batcher, Clock clock) {
		this.batcher = batcher;
		this.clock = clock;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Instant start = this.clock.instant();
		return chain.filter(exchange).doFinally((signal) -> {
			Principal principal = exchange.getAttribute(GatewayAttributes.PRINCIPAL);
			if (principal == null) {
				return;
			}
			Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
			HttpStatusCode status = exchange.getResponse().getStatusCode();
			Integer units = exchange.getAttribute(GatewayAttributes.RESERVED_UNITS);
			String requestId = exchange.getAttribute(GatewayAttributes.REQUEST_ID);
			this.batcher.record(new UsageEvent(principal.keyId(), (requestId != null) ? requestId : "",
					exchange.getRequest().getMethod().name(), (route != null) ? route.getId() : "",
					(status != null) ? status.value() : 500, Duration.between(start, this.clock.instant()).toMillis(),
					(units != null) ? units : 0, start));
		});
	}

	@Override
	public int getOrder() {
		return GatewayFilterOrder.USAGE_EVENTS;
	}

}
