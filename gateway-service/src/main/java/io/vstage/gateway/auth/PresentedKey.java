package io.vstage.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * An API key as a client presented it, checked locally before any network call. The
 * shapes are the key manager's ({@code io.vstage.keys.key.KeySecret}): {@code vsk_} + 43
 * base62 characters + a 6-character base62 CRC32 of those 43; first-version
 * {@code sk-proj-} + 43 URL-safe characters (no checksum); and any other 32–256 visible
 * ASCII characters, which only the super admin key from the environment may have.
 *
 * @param value the key, never logged
 */
record PresentedKey(String value) {

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final Pattern ISSUED = Pattern.compile("vsk_[0-9A-Za-z]{49}");

	private static final Pattern LEGACY = Pattern.compile("sk-proj-[A-Za-z0-9_-]{43}");

	private static final Pattern OTHER = Pattern.compile("[\\x21-\\x7e]{32,256}");

	/**
	 * Whether the key can exist at all; a {@code vsk_} key with a wrong checksum cannot.
	 */
	boolean isWellFormed() {
		if (this.value.startsWith("vsk_")) {
			return ISSUED.matcher(this.value).matches() && checksumMatches();
		}
		if (this.value.startsWith("sk-proj-")) {
			return LEGACY.matcher(this.value).matches();
		}
		return OTHER.matcher(this.value).matches();
	}

	/** Lowercase hex SHA-256, the only form in which the gateway remembers a key. */
	String hash() {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(this.value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	private boolean checksumMatches() {
		String body = this.value.substring(4, 47);
		CRC32 crc = new CRC32();
		crc.update(body.getBytes(StandardCharsets.US_ASCII));
		long rest = crc.getValue();
		char[] expected = new char[6];
		for (int i = 5; i >= 0; i--) {
			expected[i] = ALPHABET.charAt((int) (rest % 62));
			rest /= 62;
		}
		return new String(expected).equals(this.value.substring(47));
	}

	@Override
	public String toString() {
		return "PresentedKey[hidden]";
	}

}
