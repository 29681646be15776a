package io.vstage.gateway.web;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import io.vstage.gateway.ClientAddress;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientAddressFilterTests {

	private final ClientAddressFilter filter = new ClientAddressFilter(
			new ClientAddressProperties(List.of("10.0.0.0/8", "192.0.2.10", "fd00::/8")));

	@Test
	void withoutTrustedProxiesForwardingHeadersAreIgnored() {
		ClientAddressFilter untrusting = new ClientAddressFilter(new ClientAddressProperties(List.of()));
		assertThat(client(untrusting,
				from("10.1.2.3").header("X-Forwarded-For", "198.51.100.1").header("Forwarded", "for=198.51.100.1")))
			.isEqualTo("10.1.2.3");
	}

	@Test
	void anUntrustedPeerCannotSpoofItsAddress() {
		assertThat(client(from("203.0.113.5").header("X-Forwarded-For", "198.51.100.1, 10.0.0.1")))
			.isEqualTo("203.0.113.5");
		assertThat(client(from("203.0.113.5").header("Forwarded", "for=198.51.100.1"))).isEqualTo("203.0.113.5");
	}

	@Test
	void behindTrustedProxiesTheClientIsTheRightMostUntrustedHop() {
		// the client claimed 198.51.100.1; the outer proxy saw 203.0.113.5; an inner one
		// (10.0.0.2) forwarded to the gateway
		assertThat(client(from("10.0.0.1").header("X-Forwarded-For", "198.51.100.1, 203.0.113.5, 10.0.0.2")))
			.isEqualTo("203.0.113.5");
		assertThat(client(from("10.0.0.1").header("X-Forwarded-For", "198.51.100.1, 203.0.113.5")
			.header("X-Forwarded-For", "192.0.2.10"))).isEqualTo("203.0.113.5");
		assertThat(client(from("10.0.0.1").header("X-Forwarded-For", "203.0.113.5:41000"))).isEqualTo("203.0.113.5");
	}

	@Test
	void theForwardedHeaderIsReadToo() {
		assertThat(client(from("10.0.0.1").header("Forwarded",
				"for=198.51.100.1;proto=https, For=\"[2001:db8:cafe::17]:4711\";by=10.0.0.1, for=10.0.0.9")))
			.isEqualTo("2001:db8:cafe:0:0:0:0:17");
		assertThat(client(from("10.0.0.1").header("Forwarded", "for=203.0.113.5"))).isEqualTo("203.0.113.5");
	}

	@Test
	void whenBothHeadersNameDifferentClientsThePeerStands() {
		assertThat(client(
				from("10.0.0.1").header("X-Forwarded-For", "203.0.113.5").header("Forwarded", "for=198.51.100.1")))
			.isEqualTo("10.0.0.1");
		assertThat(client(
				from("10.0.0.1").header("X-Forwarded-For", "203.0.113.5").header("Forwarded", "for=203.0.113.5")))
			.isEqualTo("203.0.113.5");
	}

	@Test
	void aRequestOnlyThroughTrustedProxiesIsTheLeftMostOfThem() {
		assertThat(client(from("10.0.0.1").header("X-Forwarded-For", "10.9.9.9, 192.0.2.10"))).isEqualTo("10.9.9.9");
	}

	@ParameterizedTest
	@ValueSource(strings = { "unknown", "_hidden", "localhost", "example.com", "999.1.1.1", "1.2.3", "1.2.3.4.5",
			"[::1", "[::1]x", "1.2.3.4:port", "::ffff:zz", "fe80::1%eth0", "", ",,,", "for=", "' OR 1=1 --" })
	void garbageNamesNoClientAndTheNearestKnownHopStands(String garbage) {
		assertThat(client(from("10.0.0.1").header("X-Forwarded-For", garbage))).isEqualTo("10.0.0.1");
		assertThat(client(from("10.0.0.1").header("Forwarded", "for=\"" + garbage + "\""))).isEqualTo("10.0.0.1");
		// garbage left of a real hop is never reached
		assertThat(client(from("10.0.0.1").header("X-Forwarded-For", garbage + ", 203.0.113.5")))
			.isEqualTo("203.0.113.5");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "10.0.0.0/33", "10.0.0.0/x", "proxy.example.com", "10.0.0.1:80", "[::1]", "::1/129", "10.0.0" })
	void aTrustedProxyThatIsNoAddressOrRangeStopsTheStart(String entry) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClientAddressFilter(new ClientAddressProperties(List.of(entry))))
			.withMessageContaining(entry);
	}

	@Test
	void rangesMatchByPrefix() {
		TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8", "172.16.0.0/12", "fd00::/8"));
		assertThat(proxies.contains(TrustedProxies.node("10.255.0.1"))).isTrue();
		assertThat(proxies.contains(TrustedProxies.node("11.0.0.1"))).isFalse();
		assertThat(proxies.contains(TrustedProxies.node("172.31.255.255"))).isTrue();
		assertThat(proxies.contains(TrustedProxies.node("172.32.0.0"))).isFalse();
		assertThat(proxies.contains(TrustedProxies.node("fdab::1"))).isTrue();
		assertThat(proxies.contains(TrustedProxies.node("fe80::1"))).isFalse();
	}

	private String client(MockServerHttpRequest.BaseBuilder<?> request) {
		return client(this.filter, request);
	}

	private static String client(ClientAddressFilter filter, MockServerHttpRequest.BaseBuilder<?> request) {
		AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
		filter.filter(MockServerWebExchange.from(request.build()), (exchange) -> {
			seen.set(exchange);
			return Mono.empty();
		}).block();
		return ClientAddress.of(seen.get()).value();
	}

	private static MockServerHttpRequest.BaseBuilder<?> from(String peer) {
		return MockServerHttpRequest.get("/api/v1/me").remoteAddress(new InetSocketAddress(peer, 40000));
	}

}
