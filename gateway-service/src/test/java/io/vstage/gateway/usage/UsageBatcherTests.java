package io.vstage.gateway.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vstage.gateway.Exchanges;
import io.vstage.gateway.GatewayAttributes;
import io.vstage.gateway.MutableClock;
import io.vstage.gateway.Role;
import io.vstage.gateway.auth.Principal;
import io.vstage.gateway.keymanager.FakeKeyManager;
import io.vstage.gateway.keymanager.UsageEvent;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class UsageBatcherTests {

	private final FakeKeyManager keyManager = new FakeKeyManager();

	private final UsageBatcher batcher = new UsageBatcher(this.keyManager,
			new UsageProperties(Duration.ofSeconds(1), 2, 100));

	@Test
	void eventsAreSentInBatchesOfAtMostTheBatchSize() {
		for (int i = 0; i < 5; i++) {
			this.batcher.record(event("r" + i));
		}
		this.batcher.flush();
		assertThat(this.keyManager.usageBatches).extracting(List::size).containsExactly(2, 2, 1);
	}

	@Test
	void aBatchTheKeyManagerDidNotTakeIsSentLater() {
		this.batcher.record(event("r1"));
		this.keyManager.down = true;
		this.batcher.flush();
		assertThat(this.keyManager.usageBatches).isEmpty();
		this.keyManager.down = false;
		this.batcher.flush();
		assertThat(this.keyManager.usageBatches).hasSize(1);
		assertThat(this.keyManager.usageBatches.get(0).get(0).requestId()).isEqualTo("r1");
	}

	@Test
	void theFilterRecordsKeyRouteStatusAndUnitsOfAuthenticatedRequests() {
		UsageFilter filter = new UsageFilter(this.batcher, new MutableClock());
		MockServerWebExchange exchange = Exchanges.routed(MockServerHttpRequest.post("/api/v1/staging/jobs"),
				Map.of("role", "user"));
		exchange.getAttributes()
			.put(GatewayAttributes.PRINCIPAL,
					new Principal("key-9", Role.USER, null, null, 60, 10, 10, null, null, null));
		exchange.getAttributes().put(GatewayAttributes.REQUEST_ID, "req-1");
		filter.filter(exchange, (e) -> {
			e.getAttributes().put(GatewayAttributes.RESERVED_UNITS, 4);
			e.getResponse().setStatusCode(HttpStatus.ACCEPTED);
			return e.getResponse().setComplete();
		}).block();
		this.batcher.flush();
		UsageEvent event = this.keyManager.usageBatches.get(0).get(0);
		assertThat(event.keyId()).isEqualTo("key-9");
		assertThat(event.route()).isEqualTo("test-route");
		assertThat(event.method()).isEqualTo("POST");
		assertThat(event.status()).isEqualTo(202);
		assertThat(event.units()).isEqualTo(4);
		assertThat(event.requestId()).isEqualTo("req-1");
	}

	private static UsageEvent event(String requestId) {
		return new UsageEvent("k", requestId, "GET", "me", 200, 1, 0, Instant.now());
	}

}
