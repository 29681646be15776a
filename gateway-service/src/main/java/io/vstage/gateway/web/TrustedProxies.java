package io.vstage.gateway.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * The proxies whose forwarding headers are believed, as addresses and CIDR ranges, and
 * the rule that finds a client behind them: walking {@code Forwarded} (or
 * {@code X-Forwarded-For}) from the right, the first address that is not itself a trusted
 * proxy. Only literal IP addresses count; nothing is ever looked up in DNS.
 */
final class TrustedProxies {

	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	// starts with a hex digit or a colon, so that InetAddress parses it as a literal and
	// never resolves it
	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

	private static final Pattern PORT = Pattern.compile(":\\d{1,5}");

	private final List<Range> ranges;

	private TrustedProxies(List<Range> ranges) {
		this.ranges = ranges;
	}

	/**
	 * Parses {@code 10.0.0.7}, {@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}.
	 * @throws IllegalArgumentException naming the first entry that is none of these
	 */
	static TrustedProxies of(List<String> entries) {
		List<Range> ranges = new ArrayList<>();
		for (String entry : entries) {
			if (!entry.isBlank()) {
				ranges.add(Range.parse(entry.strip()));
			}
		}
		return new TrustedProxies(List.copyOf(ranges));
	}

	boolean isEmpty() {
		return this.ranges.isEmpty();
	}

	boolean contains(InetAddress address) {
		return this.ranges.stream().anyMatch((range) -> range.contains(address));
	}

	/**
	 * The client of a request whose connection comes from {@code peer}: the peer itself
	 * unless it is a trusted proxy. A value that is not an address stops the walk at the
	 * nearest hop known so far. When both {@code Forwarded} and {@code X-Forwarded-For}
	 * are present and name different clients, one of them was passed through from the
	 * client, and which one cannot be told: the peer stands.
	 */
	InetAddress clientOf(InetAddress peer, HttpHeaders headers) {
		if (!contains(peer)) {
			return peer;
		}
		List<String> forwarded = headers.getValuesAsList("Forwarded");
		List<String> forwardedFor = headers.getValuesAsList("X-Forwarded-For");
		InetAddress fromForwarded = forwarded.isEmpty() ? null : walk(peer, forwardedNodes(forwarded));
		InetAddress fromForwardedFor = forwardedFor.isEmpty() ? null : walk(peer, forwardedFor);
		if (fromForwarded != null && fromForwardedFor != null) {
			return fromForwarded.equals(fromForwardedFor) ? fromForwarded : peer;
		}
		return Objects.requireNonNullElse((fromForwarded != null) ? fromForwarded : fromForwardedFor, peer);
	}

	private InetAddress walk(InetAddress peer, List<String> hops) {
		InetAddress client = peer;
		for (int i = hops.size() - 1; i >= 0 && contains(client); i--) {
			InetAddress hop = node(hops.get(i));
			if (hop == null) {
				break;
			}
			client = hop;
		}
		return client;
	}

	// the for= parameter of each element of RFC 7239 Forwarded values, left to right; an
	// element without one is a hop that cannot be told
	private static List<String> forwardedNodes(List<String> values) {
		List<String> nodes = new ArrayList<>();
		for (String element : values) {
			String node = "";
			for (String pair : element.split(";")) {
				int equals = pair.indexOf('=');
				if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase("for")) {
					node = unquote(pair.substring(equals + 1).strip());
				}
			}
			nodes.add(node);
		}
		return nodes;
	}

	private static String unquote(String value) {
		return (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
				? value.substring(1, value.length() - 1) : value;
	}

	/**
	 * The address of a node: {@code 192.0.2.1}, {@code 192.0.2.1:80},
	 * {@code 2001:db8::1}, {@code [2001:db8::1]}, {@code [2001:db8::1]:80}; {@code null}
	 * for anything else ({@code unknown}, obfuscated names, host names, garbage).
	 */
	static @Nullable InetAddress node(String text) {
		String value = text.strip();
		if (value.startsWith("[")) {
			int end = value.indexOf(']');
			if (end < 0) {
				return null;
			}
			String rest = value.substring(end + 1);
			return (rest.isEmpty() || PORT.matcher(rest).matches()) ? ipv6(value.substring(1, end)) : null;
		}
		int colon = value.indexOf(':');
		if (colon >= 0 && colon == value.lastIndexOf(':')) {
			return PORT.matcher(value.substring(colon)).matches() ? ipv4(value.substring(0, colon)) : null;
		}
		return (colon >= 0) ? ipv6(value) : ipv4(value);
	}

	private static @Nullable InetAddress ipv4(String value) {
		var matcher = IPV4.matcher(value);
		if (!matcher.matches()) {
			return null;
		}
		byte[] bytes = new byte[4];
		for (int i = 0; i < 4; i++) {
			int octet = Integer.parseInt(matcher.group(i + 1));
			if (octet > 255) {
				return null;
			}
			bytes[i] = (byte) octet;
		}
		return address(bytes);
	}

	private static @Nullable InetAddress ipv6(String value) {
		if (!IPV6.matcher(value).matches() || value.indexOf(':') < 0) {
			return null;
		}
		try {
			return InetAddress.getByName(value);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static InetAddress address(byte[] bytes) {
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("4 and 16 bytes are addresses", ex);
		}
	}

	/** A network: its address and how many leading bits of it count. */
	private record Range(byte[] network, int prefix) {

		static Range parse(String entry) {
			int slash = entry.indexOf('/');
			String host = (slash >= 0) ? entry.substring(0, slash) : entry;
			InetAddress address = node(host);
			// a bare address, never a bracketed or IPv4 one with a port
			if (address == null || host.startsWith("[") || (address instanceof Inet4Address && host.contains(":"))) {
				throw invalid(entry);
			}
			int bits = address.getAddress().length * 8;
			int prefix = bits;
			if (slash >= 0) {
				String length = entry.substring(slash + 1);
				if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
					throw invalid(entry);
				}
				prefix = Integer.parseInt(length);
			}
			return new Range(address.getAddress(), prefix);
		}

		private static IllegalArgumentException invalid(String entry) {
			return new IllegalArgumentException(
					"vstage.gateway.trusted-proxies: '" + entry + "' is not an IP address or CIDR range");
		}

		boolean contains(InetAddress address) {
			byte[] candidate = address.getAddress();
			if (candidate.length != this.network.length) {
				return false;
			}
			int whole = this.prefix / 8;
			if (!Arrays.equals(candidate, 0, whole, this.network, 0, whole)) {
				return false;
			}
			int rest = this.prefix % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xff << (8 - rest)) & 0xff;
			return (candidate[whole] & mask) == (this.network[whole] & mask);
		}

	}

}
