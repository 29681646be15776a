package io.vstage.contracts.request;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTests {

	@ParameterizedTest
	@ValueSource(strings = { "req-123", "a", "0f8e5c1a-7d1b-4c6e-9d2a-3b4c5d6e7f80", "host:42.7_x" })
	void plainShortIdsAreKept(String id) {
		assertThat(RequestIds.isValid(id)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "two words", "line\nbreak", "x\u0000", "über", "<script>",
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
	void anythingElseIsReplaced(String id) {
		assertThat(RequestIds.isValid(id)).isFalse();
		assertThat(RequestIds.isValid(null)).isFalse();
	}

}
