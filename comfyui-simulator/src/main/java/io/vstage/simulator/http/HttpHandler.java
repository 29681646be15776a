package io.vstage.simulator.http;

/** Answers one request; an exception becomes aiohttp's 500 text reply. */
@FunctionalInterface
public interface HttpHandler {

	/** Handles the request. */
	Reply handle(Request request) throws Exception;

}
