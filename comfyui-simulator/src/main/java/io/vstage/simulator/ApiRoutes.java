package io.vstage.simulator;

import java.util.Optional;

import io.vstage.simulator.files.UploadHandler;
import io.vstage.simulator.files.ViewHandler;
import io.vstage.simulator.http.HttpHandler;
import io.vstage.simulator.http.Reply;
import io.vstage.simulator.http.Request;

/**
 * The route table: every route also under {@code /api}, aiohttp's 404 and 405 texts, and
 * the origin check or CORS mode in front of everything (PROTOCOL.md sections 0 and 7.6).
 */
final class ApiRoutes implements HttpHandler {

	private final ServerContext ctx;

	private final PromptEndpoint prompt;

	private final QueueEndpoints queue;

	private final InfoEndpoints info;

	private final UploadHandler upload;

	private final ViewHandler view;

	ApiRoutes(ServerContext ctx) {
		this.ctx = ctx;
		this.prompt = new PromptEndpoint(ctx);
		this.queue = new QueueEndpoints(ctx);
		this.info = new InfoEndpoints(ctx);
		this.upload = new UploadHandler(ctx.files(), ctx.mapper());
		this.view = new ViewHandler(ctx.files(), ctx.newer());
	}

	@Override
	public Reply handle(Request request) throws Exception {
		if (this.ctx.corsOrigin().isEmpty()) {
			Optional<Reply.Http> refused = OriginCheck.refuse(request, this.ctx.newer());
			if (refused.isPresent()) {
				return refused.get();
			}
		}
		Reply reply = "OPTIONS".equals(request.method()) ? Reply.empty(200) : route(request);
		if (reply instanceof Reply.Http http && this.ctx.corsOrigin().isPresent()) {
			http.with("Access-Control-Allow-Origin", this.ctx.corsOrigin().get())
				.with("Access-Control-Allow-Methods",
						this.ctx.newer() ? "POST, GET, DELETE, PUT, OPTIONS, PATCH" : "POST, GET, DELETE, PUT, OPTIONS")
				.with("Access-Control-Allow-Headers", "Content-Type, Authorization")
				.with("Access-Control-Allow-Credentials", "true");
		}
		return reply;
	}

	private Reply route(Request request) throws Exception {
		String path = request.path();
		if (path.startsWith("/api/")) {
			path = path.substring(4);
		}
		String method = request.method().equals("HEAD") ? "GET" : request.method();
		String[] segments = path.substring(1).split("/", -1);
		String first = "/" + segments[0];
		boolean one = segments.length == 1;
		boolean two = segments.length == 2 && !segments[1].isEmpty();
		return switch (first) {
			case "/" -> one ? only(method, "GET", () -> Reply.bytes(200, "text/html", index())) : notFound();
			case "/ws" -> one ? only(method, "GET", () -> WebSockets.upgrade(request, this.ctx.bus())) : notFound();
			case "/prompt" ->
				one ? getOrPost(method, this.queue::promptInfo, () -> this.prompt.post(request)) : notFound();
			case "/queue" ->
				one ? getOrPost(method, this.queue::queue, () -> this.queue.editQueue(request)) : notFound();
			case "/interrupt" -> one ? only(method, "POST", () -> this.queue.interrupt(request)) : notFound();
			case "/history" ->
				one ? getOrPost(method, () -> this.queue.history(request), () -> this.queue.editHistory(request))
						: two ? only(method, "GET", () -> this.queue.historyEntry(segments[1])) : notFound();
			case "/view" -> one ? only(method, "GET", () -> this.view.handle(request)) : notFound();
			case "/upload" -> (two && segments[1].equals("image"))
					? only(method, "POST", () -> this.upload.handle(request)) : (two && segments[1].equals("mask"))
							? only(method, "POST", () -> this.upload.handleMask(request)) : notFound();
			case "/object_info" -> one ? only(method, "GET", this.info::objectInfo)
					: two ? only(method, "GET", () -> this.info.objectInfo(segments[1])) : notFound();
			case "/models" -> one ? only(method, "GET", this.info::modelFolders)
					: two ? only(method, "GET", () -> this.info.models(segments[1])) : notFound();
			case "/embeddings", "/extensions" -> one ? only(method, "GET", () -> Reply.json(200, "[]")) : notFound();
			case "/system_stats" -> one ? only(method, "GET", this.info::systemStats) : notFound();
			case "/features" -> one ? only(method, "GET", this.info::features) : notFound();
			case "/free" -> one ? only(method, "POST", () -> Reply.empty(200)) : notFound();
			default -> notFound();
		};
	}

	private static byte[] index() {
		return ("<!doctype html><title>ComfyUI simulator</title><h1>vstage comfyui-simulator</h1>"
				+ "<p>A simulated ComfyUI engine: its images are labelled SIMULATED and are not AI output.</p>")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	/** A route's handler; may throw, which becomes a 500. */
	@FunctionalInterface
	interface Action {

		Reply run() throws Exception;

	}

	private static Reply only(String method, String allowed, Action action) throws Exception {
		if (!method.equals(allowed)) {
			return notAllowed(allowed.equals("GET") ? "GET,HEAD" : allowed);
		}
		return action.run();
	}

	private static Reply getOrPost(String method, Action get, Action post) throws Exception {
		return switch (method) {
			case "GET" -> get.run();
			case "POST" -> post.run();
			default -> notAllowed("GET,HEAD,POST");
		};
	}

	private static Reply notFound() {
		return Reply.text(404, "404: Not Found");
	}

	private static Reply notAllowed(String allow) {
		return Reply.text(405, "405: Method Not Allowed").with("Allow", allow);
	}

}
