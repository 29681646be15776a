package io.vstage.keys.key;

import java.time.Clock;
import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks keys past their expiry as expired and reports them on the change feed.
 * Authentication does not wait for it: it compares the expiry with the clock on every
 * call.
 */
@Component
class ExpirySweeper {

	private final ApiKeyRepository keys;

	private final KeyChangeFeed feed;

	private final Clock clock;

	ExpirySweeper(ApiKeyRepository keys, KeyChangeFeed feed, Clock clock) {
		this.keys = keys;
		this.feed = feed;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${vstage.keys.expiry-sweep-interval:5s}")
	@Transactional
	public void sweep() {
		Instant now = this.clock.instant();
		for (ApiKey key : this.keys.findActiveExpiredAt(now)) {
			key.markExpired(now);
			this.feed.append(key.getId(), KeyChangeKind.EXPIRED, now);
		}
	}

}
