package io.vstage.simulator;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import io.vstage.simulator.http.Reply;
import io.vstage.simulator.http.Request;

/** ComfyUI's default origin-only middleware: a loopback Host must match the Origin. */
final class OriginCheck {

	private OriginCheck() {
	}

	static Optional<Reply.Http> refuse(Request request, boolean newer) {
		if (newer && "cross-site".equalsIgnoreCase(request.header("Sec-Fetch-Site").orElse(""))) {
			return Optional.of(Reply.empty(403));
		}
		Optional<String> host = request.header("Host");
		Optional<String> origin = request.header("Origin");
		if (host.isEmpty() || origin.isEmpty()) {
			return Optional.empty();
		}
		String hostDomain = host.get().toLowerCase(Locale.ROOT);
		URI originUri;
		URI hostUri;
		try {
			originUri = URI.create(origin.get().strip());
			hostUri = URI.create("//" + hostDomain);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		String originDomain = Optional.ofNullable(originUri.getRawAuthority()).orElse("").toLowerCase(Locale.ROOT);
		String hostName = hostUri.getHost();
		boolean loopback = isLoopback(hostName);
		if (originUri.getPort() == -1) {
			hostDomain = hostName;
		}
		if (hostUri.getPort() == -1) {
			originDomain = Optional.ofNullable(originUri.getHost()).map((h) -> h.toLowerCase(Locale.ROOT)).orElse(null);
		}
		if (loopback && hostDomain != null && originDomain != null && !hostDomain.isEmpty() && !originDomain.isEmpty()
				&& !hostDomain.equals(originDomain)) {
			return Optional.of(Reply.empty(403));
		}
		return Optional.empty();
	}

	private static boolean isLoopback(String hostname) {
		if (hostname == null) {
			return false;
		}
		try {
			InetAddress[] addresses = InetAddress.getAllByName(hostname.replace("[", "").replace("]", ""));
			return addresses.length > 0 && addresses[0].isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
