package io.vstage.gateway.auth;

import java.time.Clock;
import java.time.Instant;

import reactor.core.publisher.Mono;

import io.vstage.gateway.auth.Authentication.Authenticated;
import io.vstage.gateway.auth.Authentication.Refused;
import io.vstage.gateway.auth.Authentication.Unavailable;
import io.vstage.gateway.keymanager.AuthenticationAnswer;
import io.vstage.gateway.keymanager.KeyManagerClient;
import io.vstage.gateway.keymanager.KeyManagerUnavailableException;

import org.springframework.stereotype.Component;

/**
 * Turns a presented key into a principal: malformed keys are refused without a call,
 * cached answers are served while the change feed keeps them current, everything else is
 * asked of the key manager. When it cannot answer, the result is {@link Unavailable},
 * never a pass.
 */
@Component
public class KeyAuthenticator {

	private final KeyManagerClient keyManager;

	private final PrincipalCache cache;

	private final ChangeFeedFollower feed;

	private final Clock clock;

	KeyAuthenticator(KeyManagerClient keyManager, PrincipalCache cache, ChangeFeedFollower feed, Clock clock) {
		this.keyManager = keyManager;
		this.cache = cache;
		this.feed = feed;
		this.clock = clock;
	}

	/**
	 * Authenticates a key exactly as the filter does, for the compatibility endpoints.
	 */
	public Mono<Authentication> authenticate(String key) {
		return authenticate(new PresentedKey(key));
	}

	Mono<Authentication> authenticate(PresentedKey key) {
		if (!key.isWellFormed()) {
			return Mono.just(new Refused("malformed"));
		}
		String hash = key.hash();
		Instant now = this.clock.instant();
		PrincipalCache.Entry entry = this.cache.lookup(hash);
		if (entry instanceof PrincipalCache.Entry.Known(Principal principal)) {
			if (principal.validUntil() != null && !now.isBefore(principal.validUntil())) {
				this.cache.forget(hash);
			}
			else if (this.feed.withinGrace(now)) {
				return Mono.just(new Authenticated(principal));
			}
		}
		else if (entry instanceof PrincipalCache.Entry.Refused(String outcome)) {
			return Mono.just(new Refused(outcome));
		}
		return fetch(key, hash);
	}

	private Mono<Authentication> fetch(PresentedKey key, String hash) {
		PrincipalCache.Generation generation = this.cache.generation();
		return this.keyManager.authenticate(key.value(), this.feed.seenChange())
			.map((answer) -> remember(hash, answer, generation))
			.onErrorResume(KeyManagerUnavailableException.class, (ex) -> Mono.just(new Unavailable()));
	}

	private Authentication remember(String hash, AuthenticationAnswer answer, PrincipalCache.Generation generation) {
		if ("valid".equals(answer.outcome()) && answer.principal() != null) {
			Principal principal = Principal.from(answer.principal());
			// without a feed position a cached principal could outlive its revocation
			if (this.feed.synced()) {
				this.cache.remember(hash, new PrincipalCache.Entry.Known(principal), generation);
			}
			return new Authenticated(principal);
		}
		String outcome = "valid".equals(answer.outcome()) ? "unknown" : answer.outcome();
		this.cache.remember(hash, new PrincipalCache.Entry.Refused(outcome), generation);
		return new Refused(outcome);
	}

}
