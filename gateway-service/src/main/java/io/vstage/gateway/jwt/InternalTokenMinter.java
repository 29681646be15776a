package io.vstage.gateway.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import io.vstage.contracts.token.Identity;
import io.vstage.contracts.token.InternalToken;

import org.springframework.stereotype.Component;

/**
 * The gateway's internal tokens (docs/CONTRACTS.md), minted by the suite's one minter:
 * one per routed request, and the gateway's own service token for the key manager, reused
 * while it has more than half its life.
 */
@Component
public class InternalTokenMinter {

	private final io.vstage.contracts.token.InternalTokenMinter minter;

	private final Clock clock;

	private final AtomicReference<ServiceToken> serviceToken = new AtomicReference<>();

	public InternalTokenMinter(JwtProperties properties, Clock clock) {
		this.minter = new io.vstage.contracts.token.InternalTokenMinter(properties.secret(), properties.issuer(),
				properties.lifetime(), clock);
		this.clock = clock;
	}

	/** A token that states who the caller of a routed request is. */
	public String mint(Identity identity, String audience, InternalToken.@Nullable Reservation reservation) {
		return this.minter.mint(identity, audience, reservation);
	}

	/**
	 * The gateway's own {@code service:gateway} token for the key manager's internal API.
	 */
	public String serviceToken() {
		Instant now = this.clock.instant();
		ServiceToken current = this.serviceToken.get();
		if (current != null && now.isBefore(current.renewAfter())) {
			return current.token();
		}
		String token = this.minter.mint(Identity.service("gateway"), "key-manager", null);
		this.serviceToken.set(new ServiceToken(token, now.plus(lifetime().dividedBy(2))));
		return token;
	}

	/** Lifetime of the internal tokens, for tests and callers that cache. */
	public Duration lifetime() {
		return this.minter.lifetime();
	}

	private record ServiceToken(String token, Instant renewAfter) {
	}

}
