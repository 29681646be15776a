package io.vstage.staging.quota;

import java.time.Clock;
import java.time.Duration;

import io.vstage.contracts.token.Identity;
import io.vstage.contracts.token.InternalTokenMinter;
import io.vstage.staging.StagingProperties;

import org.springframework.stereotype.Component;

/**
 * The backend's own {@code service:staging-backend} token for the key manager (refunds),
 * minted by the suite's one minter.
 */
@Component
class ServiceToken {

	private final InternalTokenMinter minter;

	ServiceToken(StagingProperties properties, Clock clock) {
		this.minter = new InternalTokenMinter(properties.internalJwtSecret(), "vstage-staging-backend",
				Duration.ofSeconds(60), clock);
	}

	String mint() {
		return this.minter.mint(Identity.service("staging-backend"), "key-manager", null);
	}

}
