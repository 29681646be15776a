package io.vstage.gateway;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import io.vstage.gateway.web.ProblemResponder;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

/**
 * Fixtures for Spring-free filter tests: exchanges that matched a route with given
 * metadata, a chain that captures what it was handed, and the JSON mapper the application
 * configures.
 */
public final class Exchanges {

	private Exchanges() {
	}

	/** The snake_case mapper of application.yml. */
	public static JsonMapper json() {
		return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
	}

	public static ProblemResponder problems() {
		return new ProblemResponder(json());
	}

	/**
	 * An exchange that matched a route with this metadata, from a fixed client address.
	 */
	public static MockServerWebExchange routed(MockServerHttpRequest.BaseBuilder<?> request,
			Map<String, Object> metadata) {
		return routed(request.remoteAddress(new InetSocketAddress("203.0.113.7", 40000)).build(), metadata);
	}

	/** An exchange of a built request that matched a route with this metadata. */
	public static MockServerWebExchange routed(MockServerHttpRequest request, Map<String, Object> metadata) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		Route route = Route.async()
			.id("test-route")
			.uri("http://upstream.invalid")
			.predicate((e) -> true)
			.metadata(metadata)
			.build();
		exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, route);
		return exchange;
	}

	/** A chain that remembers the exchange it was called with. */
	public static final class CapturingChain implements GatewayFilterChain {

		private final AtomicReference<ServerWebExchange> captured = new AtomicReference<>();

		@Override
		public Mono<Void> filter(ServerWebExchange exchange) {
			this.captured.set(exchange);
			return Mono.empty();
		}

		public boolean called() {
			return this.captured.get() != null;
		}

		public ServerWebExchange exchange() {
			ServerWebExchange exchange = this.captured.get();
			if (exchange == null) {
				throw new AssertionError("the chain was not called");
			}
			return exchange;
		}

	}

}
