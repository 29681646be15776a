package io.vstage.gateway.web;

import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import io.vstage.gateway.Exchanges;

import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemExceptionHandlerTests {

	private final ProblemExceptionHandler handler = new ProblemExceptionHandler(Exchanges.problems());

	@Test
	void refusedConnectionToTheUpstreamIsA502Problem() {
		MockServerWebExchange exchange = handle(new RuntimeException(new ConnectException("Connection refused")));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(exchange.getResponse().getBodyAsString().block())
			.contains("\"type\":\"https://vstage.io/problems/upstream-unavailable\"");
	}

	@Test
	void gatewayTimeoutIsA504Problem() {
		MockServerWebExchange exchange = handle(
				new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer than timeout"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("upstream-timeout");
		assertThat(handle(new TimeoutException()).getResponse().getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
	}

	@Test
	void noRouteIsA404ProblemWithoutAStackTrace() {
		MockServerWebExchange exchange = handle(new ResponseStatusException(HttpStatus.NOT_FOUND));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("https://vstage.io/problems/not-found")
			.doesNotContain("Exception");
	}

	@Test
	void unreadableRequestBodyIsA400Problem() {
		MockServerWebExchange exchange = handle(new DecodingException("Could not find first boundary"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("https://vstage.io/problems/bad-request");
	}

	@Test
	void unexpectedFailureIsA500ProblemWithoutDetailsOfTheCause() {
		MockServerWebExchange exchange = handle(new IllegalStateException("secret internals"));
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(exchange.getResponse().getBodyAsString().block()).doesNotContain("secret internals");
	}

	private MockServerWebExchange handle(Throwable failure) {
		MockServerWebExchange exchange = Exchanges.routed(MockServerHttpRequest.get("/api/v1/staging/jobs"), Map.of());
		this.handler.handle(exchange, failure).block();
		return exchange;
	}

}
