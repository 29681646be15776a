package io.vstage.gateway.metrics;

import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import io.vstage.gateway.ClientAddress;
import io.vstage.gateway.GatewayAttributes;
import io.vstage.gateway.GatewayFilterOrder;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * When a routed request's answer is committed (by the backend, a refusing filter or the
 * error handler alike), counts a refusal and writes one access line with the request id
 * in the logging context as {@code requestId}. The line holds method, path (never the
 * query: signed links carry their signature there), status, route, client address and
 * time to the answer's headers; never a header, so never a key.
 */
@Component
class AccessLogFilter implements GlobalFilter, Ordered {

	static final String LOGGER = "io.vstage.gateway.access";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER);

	private final Refusals refusals;

	AccessLogFilter(Refusals refusals) {
		this.refusals = refusals;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		long start = System.nanoTime();
		exchange.getResponse().beforeCommit(() -> {
			answered(exchange, start);
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	private void answered(ServerWebExchange exchange, long start) {
		String reason = this.refusals.record(exchange.getAttribute(GatewayAttributes.PROBLEM));
		if (!logger.isInfoEnabled()) {
			return;
		}
		String requestId = exchange.getAttribute(GatewayAttributes.REQUEST_ID);
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		// the answer is committed on a Netty thread: the MDC holds the id for this line
		// only
		if (requestId != null) {
			MDC.put("requestId", requestId);
		}
		try {
			logger.info("{} {} {} {}ms route={} client={}{}", exchange.getRequest().getMethod().name(),
					exchange.getRequest().getPath().value(), (status != null) ? status.value() : 200,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), (route != null) ? route.getId() : "-",
					ClientAddress.of(exchange).value(), refused(reason));
		}
		finally {
			MDC.remove("requestId");
		}
	}

	private static String refused(@Nullable String reason) {
		return (reason != null) ? " refused=" + reason : "";
	}

	@Override
	public int getOrder() {
		// right after the request id is set
		return GatewayFilterOrder.REQUEST_ID + 1;
	}

}
