package io.vstage.keys.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.vstage.keys.KeyManagerProperties;
import io.vstage.keys.key.KeySecret;

import org.springframework.stereotype.Component;

/**
 * The super admin key from the environment; compared in constant time, never stored or
 * logged.
 */
@Component
public class SuperAdminKey {

	private final byte[] hash;

	SuperAdminKey(KeyManagerProperties properties) {
		this.hash = KeySecret.sha256Hex(properties.superAdminApiKey()).getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Whether the presented key's hash is the super admin key's, in time independent of
	 * where they differ.
	 */
	public boolean matchesHash(String presentedHash) {
		return MessageDigest.isEqual(this.hash, presentedHash.getBytes(StandardCharsets.US_ASCII));
	}

	@Override
	public String toString() {
		return "SuperAdminKey[hidden]";
	}

}
