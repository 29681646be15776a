package io.vstage.keys.auth;

import io.vstage.keys.key.KeyChange;
import io.vstage.keys.key.KeyChangeFeed;
import io.vstage.keys.key.KeyChanged;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the authentication cache true: drops a key right after a local change commits,
 * and follows the change feed for changes made by other instances sharing the database.
 */
@Component
class KeyCacheSync {

	private final KeyAuthenticator authenticator;

	private final KeyChangeFeed feed;

	/**
	 * Starts at the head once the schema is migrated and before traffic; -1 until then.
	 */
	private volatile long cursor = -1;

	KeyCacheSync(KeyAuthenticator authenticator, KeyChangeFeed feed) {
		this.authenticator = authenticator;
		this.feed = feed;
	}

	@EventListener(ApplicationReadyEvent.class)
	void startAtHead() {
		this.cursor = this.feed.head();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void onKeyChanged(KeyChanged changed) {
		this.authenticator.evict(changed.keyId());
	}

	/**
	 * Applies the feed up to at least {@code seq} before answering: a caller that has
	 * seen that change gets no answer older than it.
	 */
	void catchUp(long seq) {
		if (this.cursor >= 0 && this.cursor < seq) {
			followFeed();
		}
	}

	@Scheduled(fixedDelayString = "${vstage.keys.cache-sync-interval:1s}")
	synchronized void followFeed() {
		if (this.cursor < 0) {
			return;
		}
		long after = this.cursor;
		for (KeyChange change : this.feed.after(after, 1000)) {
			this.authenticator.evict(change.keyId());
			after = change.seq();
		}
		this.cursor = after;
	}

}
