package io.vstage.simulator.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * An HTTP/1.1 server with keep-alive and WebSocket upgrades, one virtual thread a
 * connection.
 */
public final class MiniHttpServer implements AutoCloseable {

	private final HttpHandler handler;

	private final LongSupplier maxBodyBytes;

	private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

	private final ServerSocket serverSocket;

	private final Thread acceptor;

	/**
	 * Binds and starts accepting.
	 * @param host the address to listen on
	 * @param port the port, 0 for a free one
	 * @param handler answers requests
	 * @param maxBodyBytes the current body limit (read per request, so it can change at
	 * run time)
	 * @throws IOException when the port cannot be bound
	 */
	public MiniHttpServer(String host, int port, HttpHandler handler, LongSupplier maxBodyBytes) throws IOException {
		this.handler = handler;
		this.maxBodyBytes = maxBodyBytes;
		this.serverSocket = new ServerSocket();
		this.serverSocket.setReuseAddress(true);
		this.serverSocket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 256);
		this.acceptor = Thread.ofPlatform().name("comfyui-sim-accept").daemon().start(this::acceptLoop);
	}

	/** The bound port. */
	public int port() {
		return this.serverSocket.getLocalPort();
	}

	private void acceptLoop() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket socket = this.serverSocket.accept();
				socket.setTcpNoDelay(true);
				this.connections.add(socket);
				Thread.ofVirtual().name("comfyui-sim-conn").start(() -> serve(socket));
			}
			catch (IOException ex) {
				// closed by close(): the loop condition ends it
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
			OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 65536);
			boolean keepAlive = true;
			while (keepAlive) {
				keepAlive = serveOne(socket, in, out);
			}
		}
		catch (IOException ex) {
			// the client went away
		}
		finally {
			this.connections.remove(socket);
		}
	}

	private boolean serveOne(Socket socket, InputStream in, OutputStream out) throws IOException {
		String requestLine = HttpCodec.readLine(in);
		while (requestLine != null && requestLine.isEmpty()) {
			requestLine = HttpCodec.readLine(in);
		}
		if (requestLine == null) {
			return false;
		}
		String[] parts = requestLine.split(" ");
		if (parts.length != 3) {
			HttpCodec.write(out, Reply.text(400, "400: Bad Request"), false);
			return false;
		}
		Map<String, String> headers = HttpCodec.readHeaders(in);
		boolean http10 = "HTTP/1.0".equals(parts[2]);
		boolean close = http10 || "close".equalsIgnoreCase(headers.getOrDefault("Connection", ""));
		HttpCodec.Body body;
		try {
			body = HttpCodec.readBody(in, out, headers, this.maxBodyBytes.getAsLong());
		}
		catch (NumberFormatException ex) {
			// a Content-Length or chunk size that is not a number: aiohttp's parser
			// refuses the request
			HttpCodec.write(out, Reply.text(400, "400, message:\n  Invalid header value"), false);
			return false;
		}
		if (body.tooLarge() != null) {
			HttpCodec.write(out, body.tooLarge(), "HEAD".equals(parts[0]));
			return false;
		}
		Request request = Request.parse(parts[0], parts[1], headers, body.bytes());
		Reply reply;
		try {
			reply = this.handler.handle(request);
		}
		catch (Exception ex) {
			reply = Reply.serverError();
		}
		if (reply instanceof Reply.Upgrade upgrade) {
			upgrade(socket, in, out, request, upgrade.listener());
			return false;
		}
		Reply.Http http = (Reply.Http) reply;
		if (close && !http.close()) {
			http.with("Connection", "close");
		}
		HttpCodec.write(out, http, "HEAD".equals(request.method()));
		return !close && !http.close();
	}

	private void upgrade(Socket socket, InputStream in, OutputStream out, Request request, WebSocketListener listener)
			throws IOException {
		String key = request.header("Sec-WebSocket-Key").orElse("");
		out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Accept: " + HttpCodec.acceptKey(key) + "\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
		Map<String, String> query = new LinkedHashMap<>();
		request.query().forEach((name, values) -> query.put(name, values.get(0)));
		WebSocketSession session = new WebSocketSession(socket, out, query);
		listener.onOpen(session);
		new WebSocketReader(in, session, listener).run();
	}

	/** Stops accepting and drops every open connection, WebSockets included. */
	@Override
	public void close() {
		try {
			this.serverSocket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		for (Socket socket : this.connections) {
			try {
				socket.close();
			}
			catch (SocketException ex) {
				// already closed
			}
			catch (IOException ex) {
				// nothing else to release
			}
		}
		try {
			this.acceptor.join(2000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
