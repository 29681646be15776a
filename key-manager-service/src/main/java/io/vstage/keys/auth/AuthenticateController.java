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

	AuthenticateController(KeyAuthenticator authenticator) {
		this.authenticator = authenticator;
	}

	@PostMapping("/internal/v1/keys/authenticate")
	AuthenticationResult authenticate(@RequestBody AuthenticateRequest request) {
		String apiKey = request.apiKey();
		return this.authenticator.authenticate((apiKey != null) ? apiKey : "");
	}

	record AuthenticateRequest(@Nullable @Size(max = 512) String apiKey) {
	}

}
