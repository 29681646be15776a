package io.vstage.simulator.http;

/** Receives the events of one accepted WebSocket connection. */
public interface WebSocketListener {

	/** The upgrade completed; the session can send from now on. */
	void onOpen(WebSocketSession session);

	/** A complete text message arrived. */
	void onText(WebSocketSession session, String text);

	/** The connection is gone (close frame, error or server shutdown). */
	void onClose(WebSocketSession session);

}
