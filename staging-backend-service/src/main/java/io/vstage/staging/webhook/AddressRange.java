package io.vstage.staging.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An address block in CIDR notation, {@code 10.0.0.0/8} or {@code fc00::/7}.
 *
 * @param network the block's first address
 * @param prefixLength how many leading bits every address of the block shares
 */
record AddressRange(byte[] network, int prefixLength) {

	AddressRange {
		network = network.clone();
	}

	/**
	 * Reads {@code address/bits}; a plain address is a block of one. Only literal
	 * addresses are read (nothing is looked up).
	 * @throws IllegalArgumentException when the text is not a CIDR block
	 */
	static AddressRange parse(String cidr) {
		int slash = cidr.indexOf('/');
		String address = (slash >= 0) ? cidr.substring(0, slash) : cidr;
		byte[] bytes = literal(address);
		int bits = bytes.length * 8;
		if (slash >= 0) {
			try {
				bits = Integer.parseInt(cidr.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("Not a CIDR block: " + cidr);
			}
		}
		if (bits < 0 || bits > bytes.length * 8) {
			throw new IllegalArgumentException("Not a CIDR block: " + cidr);
		}
		return new AddressRange(bytes, bits);
	}

	/** Whether text looks like a literal address or block (rather than a host name). */
	static boolean isLiteral(String text) {
		int slash = text.indexOf('/');
		String address = (slash >= 0) ? text.substring(0, slash) : text;
		return address.contains(":") || address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
	}

	boolean contains(InetAddress address) {
		return contains(address.getAddress());
	}

	boolean contains(byte[] address) {
		if (address.length != this.network.length) {
			return false;
		}
		int whole = this.prefixLength / 8;
		if (!Arrays.equals(address, 0, whole, this.network, 0, whole)) {
			return false;
		}
		int rest = this.prefixLength % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xff << (8 - rest)) & 0xff;
		return (address[whole] & mask) == (this.network[whole] & mask);
	}

	private static byte[] literal(String address) {
		if (!isLiteral(address)) {
			throw new IllegalArgumentException("Not a literal address: " + address);
		}
		try {
			// a literal IPv4 or IPv6 address is parsed, never looked up
			byte[] bytes = InetAddress.getByName(address).getAddress();
			if (address.contains(":") && bytes.length == 4) {
				// Java reads ::ffff:a.b.c.d as the IPv4 address; as a block it is IPv6
				byte[] mapped = new byte[16];
				mapped[10] = (byte) 0xff;
				mapped[11] = (byte) 0xff;
				System.arraycopy(bytes, 0, mapped, 12, 4);
				return mapped;
			}
			return bytes;
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("Not a literal address: " + address, ex);
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AddressRange range && range.prefixLength == this.prefixLength
				&& Arrays.equals(range.network, this.network);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.network) + this.prefixLength;
	}

	@Override
	public String toString() {
		try {
			return InetAddress.getByAddress(this.network).getHostAddress() + "/" + this.prefixLength;
		}
		catch (UnknownHostException ex) {
			return Arrays.toString(this.network) + "/" + this.prefixLength;
		}
	}

}
