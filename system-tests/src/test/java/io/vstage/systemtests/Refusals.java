package io.vstage.systemtests;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every refusal of the suite looks like (the trust model's "Refusals"): the expected
 * status, {@code application/problem+json} with a type
 * {@code https://vstage.io/problems/<slug>}, and nothing an attacker learns from it (no
 * stack trace, no exception or server name, no secret).
 */
final class Refusals {

	static final String PROBLEM_BASE = "https://vstage.io/problems/";

	/** What an answer must never contain, whatever the request. */
	private static final List<String> LEAKS = List.of("Exception", "at io.", "at org.", "at java.", "Tomcat",
			"Whitelabel", "Netty", "\"trace\"", "SQLITE", "SQLState", "<html");

	private Refusals() {
	}

	/**
	 * Asserts a refusal with this status and problem slug that leaks none of the secrets.
	 */
	static void assertRefused(RawHttp.Response answer, int status, String slug, Collection<String> secrets) {
		assertThat(answer.status()).as("status of %s", answer).isEqualTo(status);
		assertProblem(answer, secrets);
		assertThat(answer.problem()).as("problem type of %s", answer).isEqualTo(slug);
	}

	/** Asserts a problem answer (any 4xx, any stable type) that leaks nothing. */
	static void assertProblem(RawHttp.Response answer, Collection<String> secrets) {
		assertThat(answer.status()).as("a client's mistake is a 4xx: %s", answer).isBetween(400, 499);
		assertThat(answer.header("content-type")).as("content type of %s", answer)
			.startsWith("application/problem+json");
		assertThat(answer.problem()).as("a stable problem type in %s", answer).isNotBlank();
		assertNothingLeaked(answer, secrets);
	}

	static void assertNothingLeaked(RawHttp.Response answer, Collection<String> secrets) {
		List<String> forbidden = new ArrayList<>(LEAKS);
		secrets.stream().filter((secret) -> secret != null && !secret.isBlank()).forEach(forbidden::add);
		assertThat(answer.body()).as("the answer's body leaks nothing").doesNotContain(forbidden);
		String server = answer.header("server");
		assertThat((server != null) ? server : "").as("Server header")
			.doesNotContainIgnoringCase("tomcat")
			.doesNotContainIgnoringCase("jetty")
			.doesNotContainIgnoringCase("netty");
	}

}
