package io.vstage.keys.key;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Internal API: the change feed gateways follow to drop cached principals. */
@RestController
@RequestMapping("/internal/v1/keys/changes")
class ChangeFeedController {

	private final KeyChangeFeed feed;

	ChangeFeedController(KeyChangeFeed feed) {
		this.feed = feed;
	}

	@GetMapping
	Changes changes(@RequestParam(defaultValue = "0") @Min(0) long after,
			@RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit) {
		List<ChangeView> changes = this.feed.after(after, limit)
			.stream()
			.map((c) -> new ChangeView(c.seq(), c.keyId().toString(), c.kind().wireName(), c.at()))
			.toList();
		return new Changes(changes, changes.isEmpty() ? after : changes.getLast().seq());
	}

	@GetMapping("/head")
	Head head() {
		return new Head(this.feed.head());
	}

	record ChangeView(long seq, String keyId, String kind, Instant at) {
	}

	record Changes(List<ChangeView> changes, long cursor) {
	}

	record Head(long cursor) {
	}

}
