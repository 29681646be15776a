package io.vstage.gateway.auth;

import org.junit.jupiter.api.Test;

import io.vstage.gateway.Exchanges;
import io.vstage.gateway.keymanager.AuthenticationAnswer;

import static org.assertj.core.api.Assertions.assertThat;

class PrincipalTests {

	private static final String ANSWER = """
			{"outcome": "valid", "key_hash": "ab",
			 "principal": {"key_id": "key-7", "role": "user", "name": "n", "email": "e@example.com",
			   "rate_limit_per_minute": 60, "daily_quota": 100, "remaining_today": 97,
			   "resets_at": "2026-11-27T00:00:00Z", "expires_at": null, "valid_until": null%s}}
			""";

	@Test
	void theIssuerOfTheKeyIsReadFromTheKeyManagersAnswer() {
		Principal principal = Principal.from(answer(", \"issued_by\": \"admin-3\"").principal());
		assertThat(principal.keyId()).isEqualTo("key-7");
		assertThat(principal.issuedBy()).isEqualTo("admin-3");
	}

	@Test
	void anAnswerWithoutIssuerOrWithANullOneHasNone() {
		assertThat(Principal.from(answer("").principal()).issuedBy()).isNull();
		assertThat(Principal.from(answer(", \"issued_by\": null").principal()).issuedBy()).isNull();
	}

	private static AuthenticationAnswer answer(String issuedBy) {
		return Exchanges.json().readValue(ANSWER.formatted(issuedBy), AuthenticationAnswer.class);
	}

}
