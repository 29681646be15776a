package io.vstage.keys.auth;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.vstage.keys.key.ApiKeyRepository;
import jakarta.annotation.PreDestroy;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Collects last-used times in memory and writes them in one transaction per interval: one
 * write per key per interval instead of one per request.
 */
@Component
class LastUsedRecorder {

	private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();

	private final ApiKeyRepository keys;

	private final TransactionTemplate transactions;

	LastUsedRecorder(ApiKeyRepository keys, TransactionTemplate transactions) {
		this.keys = keys;
		this.transactions = transactions;
	}

	void record(UUID keyId, Instant at) {
		this.pending.merge(keyId, at, (a, b) -> a.isAfter(b) ? a : b);
	}

	@Scheduled(fixedDelayString = "${vstage.keys.last-used-flush-interval:2s}")
	@PreDestroy
	void flush() {
		if (this.pending.isEmpty()) {
			return;
		}
		Map<UUID, Instant> batch = Map.copyOf(this.pending);
		this.transactions.executeWithoutResult(
				(status) -> batch.forEach((id, at) -> this.keys.touchLastUsed(id.toString(), at.toEpochMilli())));
		// keep times recorded while writing; they go out with the next batch
		batch.forEach(this.pending::remove);
	}

}
