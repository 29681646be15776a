package io.vstage.simulator.execution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.vstage.simulator.http.WebSocketListener;
import io.vstage.simulator.http.WebSocketSession;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The socket registry and ComfyUI's {@code send_sync}: one ordered channel for every
 * message, routed to the socket whose id is the target, or broadcast when there is no
 * target.
 */
public final class MessageBus implements WebSocketListener {

	private static final String FLAGS = "feature_flags";

	private static final String NEGOTIATED = "negotiated";

	private final Map<String, WebSocketSession> sockets = new LinkedHashMap<>();

	private final JsonMapper mapper;

	private final Supplier<ObjectNode> serverFlags;

	private final Supplier<Boolean> reconnectHazard;

	private PromptQueue queue;

	private volatile String clientId;

	private volatile String lastNodeId;

	/**
	 * A bus with no sockets yet.
	 * @param mapper writes messages
	 * @param serverFlags the flags sent in reply to a client's {@code feature_flags}
	 * @param reconnectHazard whether to reproduce ComfyUI's same-id reconnect bug
	 */
	public MessageBus(JsonMapper mapper, Supplier<ObjectNode> serverFlags, Supplier<Boolean> reconnectHazard) {
		this.mapper = mapper;
		this.serverFlags = serverFlags;
		this.reconnectHazard = reconnectHazard;
	}

	void attach(PromptQueue queue) {
		this.queue = queue;
	}

	/**
	 * Sends a JSON message to one socket, or to all when {@code sid} is null; absent
	 * targets drop it.
	 */
	public synchronized void send(String type, JsonNode data, String sid) {
		ObjectNode message = JsonNodeFactory.instance.objectNode();
		message.put("type", type);
		message.set("data", data);
		String text = this.mapper.writeValueAsString(message);
		for (WebSocketSession session : targets(sid)) {
			session.sendText(text);
		}
	}

	/** Sends a binary frame with the same routing. */
	public synchronized void sendBinary(byte[] frame, String sid) {
		targets(sid).forEach((s) -> s.sendBinary(frame));
	}

	/** Whether the socket of {@code sid} negotiated {@code supports_preview_metadata}. */
	synchronized boolean supportsPreviewMetadata(String sid) {
		WebSocketSession session = (sid != null) ? this.sockets.get(sid) : null;
		return session != null && session.attributes().get(FLAGS) instanceof JsonNode flags
				&& flags.path("supports_preview_metadata").asBoolean(false);
	}

	private List<WebSocketSession> targets(String sid) {
		if (sid == null) {
			return List.copyOf(this.sockets.values());
		}
		WebSocketSession session = this.sockets.get(sid);
		return (session != null) ? List.of(session) : List.of();
	}

	/**
	 * Drops (without a close frame) the socket of a client, or every socket when null.
	 */
	public synchronized void dropSockets(String sid) {
		targets(sid).forEach(WebSocketSession::abort);
	}

	/** Closes every socket, as a stopping server does. */
	public synchronized void closeAll() {
		List.copyOf(this.sockets.values()).forEach(WebSocketSession::abort);
		this.sockets.clear();
	}

	void running(String clientId) {
		this.clientId = clientId;
		this.lastNodeId = null;
	}

	void executing(String nodeId) {
		this.lastNodeId = nodeId;
	}

	@Override
	public void onOpen(WebSocketSession session) {
		String requested = session.query().get("clientId");
		String sid = (requested != null && !requested.isEmpty()) ? requested
				: UUID.randomUUID().toString().replace("-", "");
		session.attributes().put("sid", sid);
		// read before taking the bus lock: the queue sends while holding its own lock
		// (lock order queue, bus)
		ObjectNode data = this.queue.statusData();
		data.put("sid", sid);
		synchronized (this) {
			// the older socket of the same id is unregistered, not closed
			this.sockets.put(sid, session);
			send("status", data, sid);
			if (sid.equals(this.clientId) && this.lastNodeId != null) {
				send("executing", JsonNodeFactory.instance.objectNode().put("node", this.lastNodeId), sid);
			}
		}
	}

	@Override
	public void onText(WebSocketSession session, String text) {
		JsonNode message;
		try {
			message = this.mapper.readTree(text);
		}
		catch (JacksonException ex) {
			return;
		}
		if (session.attributes().putIfAbsent(NEGOTIATED, Boolean.TRUE) != null) {
			return;
		}
		if (FLAGS.equals(message.path("type").asString(""))) {
			session.attributes().put(FLAGS, message.path("data"));
			synchronized (this) {
				session.sendText(this.mapper.writeValueAsString(
						JsonNodeFactory.instance.objectNode().put("type", FLAGS).set("data", this.serverFlags.get())));
			}
		}
	}

	@Override
	public synchronized void onClose(WebSocketSession session) {
		String sid = (String) session.attributes().get("sid");
		if (sid == null) {
			return;
		}
		// ComfyUI removes the id whoever holds it now; the fix is to remove only our own
		// entry
		if (this.reconnectHazard.get() || this.sockets.get(sid) == session) {
			this.sockets.remove(sid);
		}
	}

}
