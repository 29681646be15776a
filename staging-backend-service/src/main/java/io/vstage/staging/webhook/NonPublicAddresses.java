package io.vstage.staging.webhook;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The addresses a webhook may not reach unless an operator allows them: every block that
 * is not globally routable (private, shared, loopback, link-local, unique local,
 * documentation, multicast, reserved), IPv6 forms that carry such an IPv4 address, and
 * the addresses of this host's own interfaces.
 */
final class NonPublicAddresses {

	private static final List<AddressRange> IPV4 = ranges("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
			"169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
			"198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");

	private static final List<AddressRange> IPV6 = ranges("::/128", "::1/128", "100::/64", "2001::/32", "2001:db8::/32",
			"fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");

	/**
	 * IPv6 blocks whose last four bytes are an IPv4 address: mapped, compatible, NAT64.
	 */
	private static final List<AddressRange> IPV4_IN_LAST_BYTES = ranges("::ffff:0:0/96", "::/96", "64:ff9b::/96");

	/** 6to4: the IPv4 address follows the first two bytes. */
	private static final AddressRange SIX_TO_FOUR = AddressRange.parse("2002::/16");

	private NonPublicAddresses() {
	}

	/** Why the address is not public, if it is not. */
	static Optional<String> reason(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (bytes.length == 4) {
			return ipv4(bytes);
		}
		for (AddressRange range : IPV4_IN_LAST_BYTES) {
			if (range.contains(bytes)) {
				Optional<String> embedded = ipv4(Arrays.copyOfRange(bytes, 12, 16));
				return embedded.isPresent() ? embedded : Optional.of("an IPv6 form of an IPv4 address (" + range + ")");
			}
		}
		if (SIX_TO_FOUR.contains(bytes)) {
			return ipv4(Arrays.copyOfRange(bytes, 2, 6));
		}
		return within(IPV6, bytes).or(() -> ownAddress(address));
	}

	private static Optional<String> ipv4(byte[] bytes) {
		return within(IPV4, bytes).or(() -> {
			try {
				return ownAddress(InetAddress.getByAddress(bytes));
			}
			catch (java.net.UnknownHostException ex) {
				return Optional.of("an unreadable address");
			}
		});
	}

	private static Optional<String> within(List<AddressRange> ranges, byte[] bytes) {
		return ranges.stream().filter((range) -> range.contains(bytes)).findFirst().map((range) -> "in " + range);
	}

	/** Whether the address is one of this host's (a public address of the host too). */
	private static Optional<String> ownAddress(InetAddress address) {
		try {
			if (NetworkInterface.getByInetAddress(address) != null) {
				return Optional.of("an address of this host");
			}
			return Optional.empty();
		}
		catch (SocketException ex) {
			// the interfaces could not be read: refuse rather than risk reaching the host
			return Optional.of("possibly an address of this host");
		}
	}

	private static List<AddressRange> ranges(String... cidrs) {
		return Arrays.stream(cidrs).map(AddressRange::parse).toList();
	}

}
