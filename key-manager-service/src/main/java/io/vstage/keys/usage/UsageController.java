package io.vstage.keys.usage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Internal API: usage events from the gateway, in batches of at most 1000. */
@RestController
class UsageController {

	private final UsageEventRepository events;

	UsageController(UsageEventRepository events) {
		this.events = events;
	}

	@PostMapping("/internal/v1/usage")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Transactional
	Accepted ingest(@Valid @RequestBody UsageBatch batch) {
		this.events.saveAll(batch.events()
			.stream()
			.map((e) -> new UsageEvent(UUID.randomUUID(), e.keyId(), e.requestId(), e.method(), e.route(), e.status(),
					e.latencyMs(), (e.units() != null) ? e.units() : 0, e.at()))
			.toList());
		return new Accepted(batch.events().size());
	}

	record UsageBatch(@NotNull @Size(max = 1000) List<@Valid @NotNull Event> events) {
	}

	record Event(@NotBlank @Size(max = 64) String keyId, @Nullable @Size(max = 100) String requestId,
			@Nullable @Size(max = 16) String method, @Nullable @Size(max = 200) String route,
			@NotNull @Min(100) @Max(599) Integer status, @NotNull @Min(0) @Max(86_400_000) Integer latencyMs,
			@Nullable @Min(0) @Max(1000) Integer units, @NotNull Instant at) {
	}

	record Accepted(int accepted) {
	}

}
