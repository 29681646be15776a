package io.vstage.gateway.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import io.vstage.gateway.Exchanges;
import io.vstage.gateway.Exchanges.CapturingChain;
import io.vstage.gateway.GatewayAttributes;
import io.vstage.gateway.MutableClock;
import io.vstage.gateway.Role;
import io.vstage.gateway.auth.Principal;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class InternalJwtFilterTests {

	private static final String SECRET = "an-internal-secret-of-at-least-32-characters";

	private final MutableClock clock = new MutableClock();

	private final InternalJwtFilter filter = new InternalJwtFilter(
			new InternalTokenMinter(new JwtProperties(SECRET, "vstage-gateway", Duration.ofSeconds(60)), this.clock));

	@Test
	void routedRequestCarriesASignedTokenWithTheContractClaims() throws Exception {
		UUID reservation = UUID.randomUUID();
		MockServerWebExchange exchange = exchange(Map.of("role", "user", "audience", "staging-backend"));
		exchange.getAttributes().put(GatewayAttributes.RESERVATION_ID, reservation);
		exchange.getAttributes().put(GatewayAttributes.RESERVED_UNITS, 6);
		CapturingChain chain = new CapturingChain();
		this.filter.filter(exchange, chain).block();
		String authorization = chain.exchange().getRequest().getHeaders().getFirst("Authorization");
		SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
		assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo("vstage-gateway");
		assertThat(claims.getSubject()).isEqualTo("key-1");
		assertThat(claims.getAudience()).containsExactly("staging-backend");
		assertThat(claims.getStringClaim("role")).isEqualTo("admin");
		assertThat(claims.getStringClaim("email")).isEqualTo("owner@example.com");
		assertThat(claims.getStringClaim("name")).isEqualTo("my key");
		assertThat(claims.getStringClaim("rsv")).isEqualTo(reservation.toString());
		assertThat(claims.getIntegerClaim("rsv_units")).isEqualTo(6);
		assertThat(claims.getStringClaim("issued_by")).isEqualTo("superadmin");
		assertThat(claims.getJWTID()).isNotBlank();
		assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(60_000);
		assertThat(jwt.getPayload().toJSONObject().get("aud")).isEqualTo("staging-backend");
	}

	@Test
	void routeWithoutAudienceGetsNoToken() {
		CapturingChain chain = new CapturingChain();
		this.filter.filter(exchange(Map.of()), chain).block();
		assertThat(chain.exchange().getRequest().getHeaders().getFirst("Authorization")).isNull();
	}

	@Test
	void serviceTokenIsReusedUntilHalfItsLife() {
		InternalTokenMinter minter = new InternalTokenMinter(
				new JwtProperties(SECRET, "vstage-gateway", Duration.ofSeconds(60)), this.clock);
		String first = minter.serviceToken();
		this.clock.advance(Duration.ofSeconds(29));
		assertThat(minter.serviceToken()).isEqualTo(first);
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(minter.serviceToken()).isNotEqualTo(first);
	}

	private static MockServerWebExchange exchange(Map<String, Object> metadata) {
		MockServerWebExchange exchange = Exchanges.routed(MockServerHttpRequest.get("/api/v1/staging/jobs"), metadata);
		exchange.getAttributes()
			.put(GatewayAttributes.PRINCIPAL, new Principal("key-1", Role.ADMIN, "my key", "owner@example.com", 60, 10,
					10, null, null, "superadmin"));
		return exchange;
	}

}
