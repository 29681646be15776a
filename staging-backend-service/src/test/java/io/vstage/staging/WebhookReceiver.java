package io.vstage.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook endpoint on a real port that records deliveries and can refuse the first
 * ones.
 */
public final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

	private final AtomicInteger refusalsLeft;

	public WebhookReceiver(int refusals) {
		this(refusals, "127.0.0.1");
	}

	/** A receiver listening on one address (any of 127.0.0.0/8 on Linux). */
	public WebhookReceiver(int refusals, String address) {
		this.refusalsLeft = new AtomicInteger(refusals);
		try {
			this.server = HttpServer.create(new InetSocketAddress(address, 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/hook", (exchange) -> {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			var headers = exchange.getRequestHeaders();
			int status = (this.refusalsLeft.getAndDecrement() > 0) ? 500 : 204;
			this.deliveries.add(new Delivery(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
					headers.getFirst("webhook-signature"), body, status));
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		this.server.start();
	}

	public String url() {
		return url(this.server.getAddress().getAddress().getHostAddress());
	}

	/** The receiver's URL under another host name. */
	public String url(String host) {
		return "http://" + host + ":" + this.server.getAddress().getPort() + "/hook";
	}

	public List<Delivery> deliveries() {
		return List.copyOf(this.deliveries);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** One received POST. */
	public record Delivery(String id, String timestamp, String signature, String body, int answeredStatus) {
	}

}
