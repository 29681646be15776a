package io.vstage.simulator;

import io.vstage.simulator.execution.MessageBus;
import io.vstage.simulator.http.Reply;
import io.vstage.simulator.http.Request;

/** {@code GET /ws}: the upgrade, or aiohttp's refusal of a plain GET. */
final class WebSockets {

	private WebSockets() {
	}

	static Reply upgrade(Request request, MessageBus bus) {
		boolean upgrade = request.header("Upgrade").map((u) -> u.equalsIgnoreCase("websocket")).orElse(false);
		if (!upgrade || request.header("Sec-WebSocket-Key").isEmpty()) {
			return Reply.text(400, "No WebSocket UPGRADE hdr: " + request.header("Upgrade").orElse("None")
					+ "\n Can \"Upgrade\" only to \"WebSocket\".");
		}
		return new Reply.Upgrade(bus);
	}

}
