package io.vstage.contracts.token;

import java.nio.charset.StandardCharsets;

/**
 * The shared HS256 secret, checked once for every service.
 */
final class InternalSecret {

	/** 256 bits for HS256, as characters of the secret. */
	static final int MIN_LENGTH = 32;

	private InternalSecret() {
	}

	static byte[] bytes(String secret) {
		if (secret == null || secret.length() < MIN_LENGTH) {
			throw new IllegalArgumentException("INTERNAL_JWT_SECRET must be at least " + MIN_LENGTH
					+ " characters (generate one with: openssl rand -base64 48)");
		}
		return secret.getBytes(StandardCharsets.UTF_8);
	}

}
