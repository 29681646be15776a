package io.vstage.staging.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.vstage.staging.catalog.Workflow;
import io.vstage.staging.engine.EngineUnavailableException;
import io.vstage.staging.engine.HistoryEntry;
import io.vstage.staging.files.ImageStore;
import io.vstage.staging.job.PromptTracker.Watch;

/**
 * Reads a finished prompt's history (waiting when it is written late), downloads its
 * image through {@code /view} and stores PNG, JPEG and thumbnail.
 */
@Component
class OutputCollector {

	private static final Duration HISTORY_WAIT = Duration.ofSeconds(60);

	private final JobLedger ledger;

	private final ImageStore store;

	private final Clock clock;

	OutputCollector(JobLedger ledger, ImageStore store, Clock clock) {
		this.ledger = ledger;
		this.store = store;
		this.clock = clock;
	}

	void collect(Watch watch, Workflow workflow, StagingJob job, int position) {
		Optional<HistoryEntry> entry = awaitHistory(watch, workflow);
		if (Thread.currentThread().isInterrupted()) {
			// shutting down: the prompt stays recorded and is collected after the restart
			return;
		}
		if (entry.isEmpty()) {
			this.ledger.finish(watch.imageId, ImageStatus.FAILED, "the engine finished but wrote no history");
			return;
		}
		HistoryEntry history = entry.get();
		switch (history.outcome()) {
			case ERROR -> this.ledger.finish(watch.imageId, ImageStatus.FAILED, history.reason());
			case INTERRUPTED -> this.ledger.finish(watch.imageId, ImageStatus.FAILED, "interrupted on the engine");
			case SUCCESS -> store(watch, history, job, position);
		}
	}

	private void store(Watch watch, HistoryEntry history, StagingJob job, int position) {
		if (history.images().isEmpty()) {
			this.ledger.finish(watch.imageId, ImageStatus.FAILED, "the workflow produced no image");
			return;
		}
		Path download = null;
		try {
			download = Files.createTempFile(this.store.jobDir(job.getId()), "download-", ".png");
			watch.instance.client().download(history.images().getFirst(), download);
			this.store.storeOutput(job.getId(), position, download, job.spec().label());
			this.ledger.finish(watch.imageId, ImageStatus.DONE, null);
		}
		catch (IOException | EngineUnavailableException ex) {
			if (Thread.currentThread().isInterrupted()) {
				return;
			}
			this.ledger.finish(watch.imageId, ImageStatus.FAILED, "the result could not be stored: " + ex.getMessage());
		}
		finally {
			if (download != null) {
				download.toFile().delete();
			}
		}
	}

	private Optional<HistoryEntry> awaitHistory(Watch watch, Workflow workflow) {
		Instant giveUp = this.clock.instant().plus(HISTORY_WAIT);
		long pause = 50;
		while (true) {
			try {
				Optional<HistoryEntry> entry = watch.instance.client().history(watch.promptId, workflow.outputNodes());
				if (entry.isPresent() || this.clock.instant().isAfter(giveUp)) {
					return entry;
				}
			}
			catch (EngineUnavailableException ex) {
				if (this.clock.instant().isAfter(giveUp)) {
					return Optional.empty();
				}
			}
			try {
				// ComfyUI may announce the end before its history entry exists
				Thread.sleep(pause);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.empty();
			}
			pause = Math.min(1000, pause * 2);
		}
	}

}
