package io.vstage.staging.engine;

/**
 * Receives the events of every instance, on the socket's thread: keep it short.
 */
@FunctionalInterface
public interface EngineEventListener {

	void onEvent(EngineInstance instance, EngineEvent event);

}
