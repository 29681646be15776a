package io.vstage.gateway.auth;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import io.vstage.gateway.keymanager.FakeKeyManager;
import io.vstage.gateway.keymanager.KeyManagerProperties;

/**
 * A key authenticator in front of a fake key manager, for tests in other packages.
 */
public final class KeyAuthenticatorFixture {

	private KeyAuthenticatorFixture() {
	}

	/** An authenticator whose change feed is synced with the fake key manager. */
	public static KeyAuthenticator against(FakeKeyManager keyManager, Clock clock) {
		KeyManagerProperties properties = properties();
		PrincipalCache cache = new PrincipalCache(properties);
		ChangeFeedFollower feed = new ChangeFeedFollower(keyManager, cache, properties, clock);
		feed.poll();
		return new KeyAuthenticator(keyManager, cache, feed, clock);
	}

	public static KeyManagerProperties properties() {
		return new KeyManagerProperties(URI.create("http://km.invalid"), Duration.ofSeconds(1), Duration.ofMillis(400),
				Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(5), 1000);
	}

}
