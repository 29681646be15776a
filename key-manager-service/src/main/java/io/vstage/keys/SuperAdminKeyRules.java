package io.vstage.keys;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.vstage.keys.key.KeySecret;
import org.jspecify.annotations.Nullable;

/**
 * What {@code SUPER_ADMIN_API_KEY} must be: long enough, not a placeholder, not a key the
 * first version published, and not guessable by its shape.
 * <p>
 * The shape is judged by an estimate of its strength in bits: every character that adds
 * information counts {@code log2(pool)} bits, where the pool is the size of the character
 * classes the key uses (26 lowercase, 26 uppercase, 10 digits, 33 others). A character
 * adds nothing when it continues a run of equal or consecutive characters ({@code aaa},
 * {@code abc}, {@code 321}) or completes three characters already seen earlier in the key
 * (a repeated word). At least {@value #MIN_BITS} bits are required: a random key of 32
 * hex, lowercase or alphanumeric characters estimates 130 to 190 bits,
 * {@code openssl rand -base64 48} about 300, while {@code "a" x 32} estimates 9 and
 * {@code "password" x 4} 47. It catches repetition, not dictionary words: a key a person
 * made up is still a bad key.
 */
public final class SuperAdminKeyRules {

	/** Shortest accepted key. */
	public static final int MIN_LENGTH = 32;

	/** Lowest accepted strength estimate. */
	public static final int MIN_BITS = 120;

	/** How to make a good key, appended to every refusal. */
	public static final String HOW_TO = " Generate one with: openssl rand -base64 48 | tr -d '/+='";

	private static final Set<String> PLACEHOLDERS = Set.of("sk-proj-superadmin-default-key-change-me",
			"change-me-to-a-long-random-super-admin-key", "changeme-changeme-changeme-changeme",
			"your-super-admin-api-key-goes-here-please", "replace-me-with-a-random-value-of-32-chars");

	/**
	 * Super admin keys the first (Python) version published in its QUICK_REFERENCE.md and
	 * ONBOARDING.md: anyone who read them knows these keys.
	 */
	private static final Set<String> PUBLISHED = Set.of("sk-proj-superadmin-iRskCpsLWvWjAWAfqVYEZXkACrJmtYr-");

	private static final Set<String> PUBLISHED_HASHES = PUBLISHED.stream()
		.map(KeySecret::sha256Hex)
		.collect(Collectors.toUnmodifiableSet());

	private SuperAdminKeyRules() {
	}

	/**
	 * Refuses a key that breaks a rule, with a message naming {@code SUPER_ADMIN_API_KEY}
	 * and how to generate a good one.
	 * @param key the configured key (may be null when unset)
	 * @throws IllegalArgumentException when the key may not be used
	 */
	public static void check(@Nullable String key) {
		if (key == null || key.isBlank()) {
			throw new IllegalArgumentException("SUPER_ADMIN_API_KEY is not set." + HOW_TO);
		}
		if (key.length() < MIN_LENGTH) {
			throw new IllegalArgumentException(
					"SUPER_ADMIN_API_KEY is shorter than " + MIN_LENGTH + " characters." + HOW_TO);
		}
		if (PLACEHOLDERS.contains(key) || key.toLowerCase(Locale.ROOT).contains("change-me")) {
			throw new IllegalArgumentException("SUPER_ADMIN_API_KEY is a well-known placeholder." + HOW_TO);
		}
		if (PUBLISHED.contains(key)) {
			throw new IllegalArgumentException("SUPER_ADMIN_API_KEY is a key the first version published in its"
					+ " documentation; anyone may know it." + HOW_TO);
		}
		int bits = estimatedBits(key);
		if (bits < MIN_BITS) {
			throw new IllegalArgumentException("SUPER_ADMIN_API_KEY is too easy to guess (repeated or sequential"
					+ " characters: about " + bits + " bits, at least " + MIN_BITS + " needed)." + HOW_TO);
		}
	}

	/** Whether {@code sha256Hex} is the hash of a key the first version published. */
	public static boolean isPublishedHash(String sha256Hex) {
		return PUBLISHED_HASHES.contains(sha256Hex.toLowerCase(Locale.ROOT));
	}

	/** The strength estimate described above, in whole bits. */
	static int estimatedBits(String key) {
		int informative = 0;
		Set<String> seenTriples = new HashSet<>();
		for (int i = 0; i < key.length(); i++) {
			boolean adds = true;
			if (i >= 2) {
				int step = key.charAt(i) - key.charAt(i - 1);
				boolean continuesRun = step == key.charAt(i - 1) - key.charAt(i - 2) && Math.abs(step) <= 1;
				boolean repeatsTriple = !seenTriples.add(key.substring(i - 2, i + 1));
				adds = !continuesRun && !repeatsTriple;
			}
			if (adds) {
				informative++;
			}
		}
		return (int) Math.floor(informative * log2(pool(key)));
	}

	private static int pool(String key) {
		boolean lower = key.chars().anyMatch((c) -> c >= 'a' && c <= 'z');
		boolean upper = key.chars().anyMatch((c) -> c >= 'A' && c <= 'Z');
		boolean digit = key.chars().anyMatch((c) -> c >= '0' && c <= '9');
		boolean other = key.chars()
			.anyMatch((c) -> !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9'));
		return (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
	}

	private static double log2(int value) {
		return Math.log(value) / Math.log(2);
	}

}
