package io.vstage.staging.files;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import io.vstage.staging.StagingProperties;

/**
 * Signs file paths with an expiry (HMAC-SHA256 over path and expiry), so links work
 * without a key.
 */
@Component
public class LinkSigner {

	private final SecretKeySpec key;

	private final StagingProperties properties;

	private final Clock clock;

	LinkSigner(StagingProperties properties, Clock clock) {
		this.key = new SecretKeySpec(properties.signedUrlSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.properties = properties;
		this.clock = clock;
	}

	/** The path plus {@code expires} and {@code sig} query parameters. */
	public String sign(String path) {
		long expires = this.clock.instant().plus(this.properties.linkTtl()).getEpochSecond();
		return path + "?expires=" + expires + "&sig=" + signature(path, expires);
	}

	boolean isValid(String path, long expires, String sig) {
		if (Instant.ofEpochSecond(expires).isBefore(this.clock.instant())) {
			return false;
		}
		return MessageDigest.isEqual(signature(path, expires).getBytes(StandardCharsets.US_ASCII),
				sig.getBytes(StandardCharsets.US_ASCII));
	}

	private String signature(String path, long expires) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			byte[] digest = mac.doFinal((path + "\n" + expires).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
