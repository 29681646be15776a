package io.vstage.keys.auth;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Internal API: authenticate a key for the gateway. */
@RestController
class AuthenticateController {

	private final KeyAuthenticator authenticator;

	private final KeyCacheSync cacheSync;

	AuthenticateController(KeyAuthenticator authenticator, KeyCacheSync cacheSync) {
		this.authenticator = authenticator;
		this.cacheSync = cacheSync;
	}

	@PostMapping("/internal/v1/keys/authenticate")
	AuthenticationResult authenticate(@RequestBody AuthenticateRequest request) {
		// a gateway that has seen a change (through this or another instance's feed)
		// must not be answered from a cache that has not
		if (request.seenChange() != null) {
			this.cacheSync.catchUp(request.seenChange());
		}
		String apiKey = request.apiKey();
		return this.authenticator.authenticate((apiKey != null) ? apiKey : "");
	}

	/**
	 * @param apiKey the presented key
	 * @param seenChange the last change-feed sequence number the caller has applied
	 */
	record AuthenticateRequest(@Nullable @Size(max = 512) String apiKey, @Nullable Long seenChange) {
	}

}
