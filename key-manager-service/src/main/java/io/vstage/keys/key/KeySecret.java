package io.vstage.keys.key;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The secret of an API key: {@code vsk_} + 256 random bits in base62 (43 characters) + a
 * CRC32 checksum of those 43 characters in base62 (6 characters). The checksum lets a
 * malformed key be rejected without a database lookup, and the prefix lets secret
 * scanners find leaked keys. Keys of the first version ({@code sk-proj-} + 43 URL-safe
 * characters) carry no checksum and are recognised by shape.
 *
 * @param value the full secret as shown to its owner
 */
public record KeySecret(String value) {

	/** Prefix of every key this service issues. */
	public static final String PREFIX = "vsk_";

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final int BODY_LENGTH = 43;

	private static final int CHECKSUM_LENGTH = 6;

	private static final int DISPLAYED_SECRET_CHARS = 8;

	private static final Pattern ISSUED = Pattern.compile("vsk_[0-9A-Za-z]{49}");

	private static final Pattern LEGACY = Pattern.compile("sk-proj-[A-Za-z0-9_-]{43}");

	public KeySecret {
		Objects.requireNonNull(value, "value == null");
	}

	/** A fresh secret with 256 random bits. */
	public static KeySecret generate(SecureRandom random) {
		byte[] bits = new byte[32];
		random.nextBytes(bits);
		String body = base62(new BigInteger(1, bits), BODY_LENGTH);
		return new KeySecret(PREFIX + body + checksum(body));
	}

	/**
	 * Whether a presented key has the shape (and, for issued keys, the checksum) of a
	 * key.
	 */
	public static boolean isWellFormed(String candidate) {
		if (candidate.length() == 53 && ISSUED.matcher(candidate).matches()) {
			String body = candidate.substring(PREFIX.length(), PREFIX.length() + BODY_LENGTH);
			return checksum(body).equals(candidate.substring(PREFIX.length() + BODY_LENGTH));
		}
		return candidate.length() == 51 && LEGACY.matcher(candidate).matches();
	}

	/** Lowercase hex SHA-256 of a presented key, as stored. */
	public static String sha256Hex(String candidate) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(candidate.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/** The stored hash of this secret. */
	public String hash() {
		return sha256Hex(this.value);
	}

	/**
	 * What may be shown of the key: the prefix and at most 8 characters of the secret.
	 */
	public String displayPrefix() {
		int secretStart = this.value.startsWith(PREFIX) ? PREFIX.length() : "sk-proj-".length();
		return this.value.substring(0, Math.min(this.value.length(), secretStart + DISPLAYED_SECRET_CHARS)) + "...";
	}

	@Override
	public String toString() {
		return "KeySecret[" + displayPrefix() + "]";
	}

	private static String checksum(String body) {
		CRC32 crc = new CRC32();
		crc.update(body.getBytes(StandardCharsets.US_ASCII));
		return base62(BigInteger.valueOf(crc.getValue()), CHECKSUM_LENGTH);
	}

	private static String base62(BigInteger number, int length) {
		char[] out = new char[length];
		BigInteger base = BigInteger.valueOf(ALPHABET.length());
		BigInteger rest = number;
		for (int i = length - 1; i >= 0; i--) {
			BigInteger[] qr = rest.divideAndRemainder(base);
			out[i] = ALPHABET.charAt(qr[1].intValue());
			rest = qr[0];
		}
		return new String(out);
	}

}
