package io.vstage.gateway.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.vstage.gateway.keymanager.ChangesPage;
import io.vstage.gateway.keymanager.KeyManagerClient;
import io.vstage.gateway.keymanager.KeyManagerProperties;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Follows the key manager's change feed: starts at its head, and on every change of a key
 * drops that key's cached principals. Remembers when the key manager last answered, which
 * bounds how long cached principals are trusted during an outage.
 */
@Component
class ChangeFeedFollower implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ChangeFeedFollower.class);

	private final KeyManagerClient keyManager;

	private final PrincipalCache cache;

	private final KeyManagerProperties properties;

	private final Clock clock;

	private volatile long cursor = -1;

	private volatile @Nullable Instant lastAnswer;

	private volatile boolean failing;

	private @Nullable ScheduledExecutorService executor;

	ChangeFeedFollower(KeyManagerClient keyManager, PrincipalCache cache, KeyManagerProperties properties,
			Clock clock) {
		this.keyManager = keyManager;
		this.cache = cache;
		this.properties = properties;
		this.clock = clock;
	}

	/** The last change applied; 0 before the position is known. */
	long seenChange() {
		return Math.max(this.cursor, 0);
	}

	/**
	 * Whether the feed position is known, so cached principals can be kept up to date.
	 */
	boolean synced() {
		return this.cursor >= 0;
	}

	/**
	 * Whether the key manager answered recently enough for cached principals to be
	 * served.
	 */
	boolean withinGrace(Instant now) {
		Instant last = this.lastAnswer;
		return last != null && !now.isAfter(last.plus(this.properties.outageGrace()));
	}

	/** Reads the feed once, until it is drained. */
	void poll() {
		try {
			if (this.cursor < 0) {
				Long head = this.keyManager.changesHead().block();
				// anything cached before the position was known could have missed a
				// change
				this.cache.clear();
				this.cursor = (head != null) ? head : 0;
			}
			else {
				ChangesPage page;
				do {
					page = this.keyManager.changesAfter(this.cursor).block();
					if (page == null) {
						break;
					}
					for (ChangesPage.Change change : page.changes()) {
						// the position first: a key fetched again after this eviction
						// is asked for with it, so never answered from before the change
						this.cursor = Math.max(this.cursor, change.seq());
						apply(change);
					}
					this.cursor = Math.max(this.cursor, page.cursor());
				}
				while (!page.changes().isEmpty());
			}
			this.lastAnswer = this.clock.instant();
			if (this.failing) {
				logger.info("Key manager change feed is back at cursor " + this.cursor);
				this.failing = false;
			}
		}
		catch (RuntimeException ex) {
			if (!this.failing) {
				logger.warn("Key manager change feed unreachable; cached keys are served for at most "
						+ this.properties.outageGrace() + ": " + ex.getMessage());
				this.failing = true;
			}
		}
	}

	private void apply(ChangesPage.Change change) {
		// a created key has nothing stale cached, but may have been refused a moment
		// before
		if (!"created".equals(change.kind())) {
			this.cache.evictKey(change.keyId());
		}
		if ("created".equals(change.kind()) || "rotated".equals(change.kind())) {
			this.cache.forgetRefusals();
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("key-change-feed").daemon().factory());
		long interval = this.properties.changePollInterval().toMillis();
		scheduler.scheduleWithFixedDelay(this::poll, 0, interval, TimeUnit.MILLISECONDS);
		this.executor = scheduler;
	}

	@Override
	public void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
