package io.vstage.staging.job;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps this backend's job leases alive and takes over the jobs of backends that stopped
 * renewing theirs. A heartbeat renews every lease of this backend in one update; a sweep
 * claims expired leases one by one with a compare-and-set update, and only the jobs it
 * won are recovered here. On a graceful stop the leases are released so that another
 * backend (or this one restarted) takes the jobs over at once.
 */
@Component
class Leases implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(Leases.class);

	static final List<String> OPEN = List.of(JobStatus.QUEUED.name(), JobStatus.RUNNING.name());

	private final StagingJobRepository jobs;

	private final LeaseOwner owner;

	private final LeaseProperties properties;

	private final Recovery recovery;

	private final PromptTracker tracker;

	private final JobLedger ledger;

	private final Clock clock;

	private volatile ScheduledExecutorService scheduler;

	private volatile boolean running;

	private volatile boolean ready;

	Leases(StagingJobRepository jobs, LeaseOwner owner, LeaseProperties properties, Recovery recovery,
			PromptTracker tracker, JobLedger ledger, Clock clock) {
		this.ledger = ledger;
		this.jobs = jobs;
		this.owner = owner;
		this.properties = properties;
		this.recovery = recovery;
		this.tracker = tracker;
		this.clock = clock;
	}

	/** Renews this backend's leases and lets go of jobs cancelled or taken elsewhere. */
	void heartbeat() {
		renew(this.owner.until().toEpochMilli());
		Set<String> followed = this.tracker.followedJobs();
		if (followed.isEmpty()) {
			return;
		}
		for (StagingJob job : this.jobs.findAllById(followed)) {
			if (job.getStatus().isFinished()) {
				// cancelled through another backend, which may not reach our prompts
				this.tracker.stopJob(job.getId(), true);
			}
			else if (!this.owner.owns(job)) {
				logger.warn("Job " + job.getId() + " was taken over by " + job.getLeaseOwner()
						+ "; no longer following it");
				this.tracker.stopJob(job.getId(), false);
			}
		}
	}

	/** Claims the unfinished jobs whose lease expired and recovers the ones won. */
	List<String> takeOver() {
		long now = this.clock.millis();
		List<String> won = new ArrayList<>();
		List<String> recover = new ArrayList<>();
		for (Object[] row : this.jobs.findExpiredLeases(OPEN, now)) {
			String id = (String) row[0];
			String previous = (String) row[1];
			int claimed = this.ledger.locked(
					() -> this.jobs.claim(id, previous, this.owner.id(), this.owner.until().toEpochMilli(), now, OPEN));
			if (claimed != 1) {
				continue;
			}
			won.add(id);
			// our own lease lapsed (e.g. a long pause): our workers still hold the job
			if (!this.owner.id().equals(previous)) {
				logger.info("Took over job " + id + " from " + (previous.isEmpty() ? "no owner" : previous));
				recover.add(id);
			}
		}
		if (!recover.isEmpty()) {
			this.recovery.recover(this.jobs.findAllById(recover)
				.stream()
				.sorted(Comparator.comparing(StagingJob::getCreatedAt))
				.toList());
		}
		return won;
	}

	// with the ledger's other writes: on SQLite, a write between another transaction's
	// read and write would fail that one with SQLITE_BUSY
	private int renew(long until) {
		return this.ledger.locked(() -> this.jobs.renewLeases(this.owner.id(), until, OPEN));
	}

	@EventListener(ApplicationReadyEvent.class)
	void startTakeovers() {
		this.ready = true;
		scheduleTakeovers();
	}

	private void scheduleTakeovers() {
		long interval = this.properties.takeoverInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(() -> guarded("takeover", this::takeOver), 0, interval,
				TimeUnit.MILLISECONDS);
	}

	private void guarded(String what, Runnable work) {
		try {
			work.run();
		}
		catch (RuntimeException ex) {
			// the next round tries again; a lease lasts several heartbeats
			logger.warn("Lease " + what + " failed: " + ex.getMessage());
		}
	}

	@Override
	public void start() {
		this.scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("leases").factory());
		long interval = this.owner.duration().toMillis() / 3;
		this.scheduler.scheduleWithFixedDelay(() -> guarded("heartbeat", this::heartbeat), interval, interval,
				TimeUnit.MILLISECONDS);
		if (this.ready) {
			// started again after a stop (a paused context): take back what was released
			scheduleTakeovers();
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.scheduler.shutdownNow();
		try {
			this.scheduler.awaitTermination(5, TimeUnit.SECONDS);
			// the prompts stay recorded on their engines: whoever claims next follows
			// them
			int released = this.ledger.locked(() -> this.jobs.releaseLeases(this.owner.id(), OPEN));
			if (released > 0) {
				logger.info("Released the leases of " + released + " unfinished jobs");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not release the job leases; they expire in " + this.owner.duration().toSeconds() + " s: "
					+ ex.getMessage());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// stops after the web server and the dispatcher, so no new work starts once the
		// leases are released
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

}
