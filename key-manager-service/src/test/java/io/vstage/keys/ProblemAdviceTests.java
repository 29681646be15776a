package io.vstage.keys;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProblemAdviceTests {

	private final ProblemAdvice advice = new ProblemAdvice();

	@Test
	void twoRequestsChangingOneKeyAtOnceGiveTheLoserA409() {
		ResponseEntity<Object> answer = this.advice
			.handleDataAccess(new ObjectOptimisticLockingFailureException("ApiKey", "key-1"));
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(((ProblemDetail) answer.getBody()).getType())
			.hasToString("https://vstage.io/problems/concurrent-change");
	}

	@Test
	void noConnectionInTimeIsA503WithRetryAfter() {
		ResponseEntity<Object> answer = this.advice.handleDataAccess(new DataAccessResourceFailureException("busy",
				new SQLTransientConnectionException("Connection is not available")));
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
	}

	@Test
	void otherDatabaseFailuresStayServerErrors() {
		InvalidDataAccessResourceUsageException failure = new InvalidDataAccessResourceUsageException("bad SQL");
		assertThatExceptionOfType(InvalidDataAccessResourceUsageException.class)
			.isThrownBy(() -> this.advice.handleDataAccess(failure));
	}

}
