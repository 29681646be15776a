package io.vstage.staging;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.UncategorizedSQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProblemHandlerTests {

	private final ProblemHandler handler = new ProblemHandler();

	@Test
	void databaseLockedPastItsBusyTimeoutIsA503WithRetryAfter() {
		ResponseEntity<ProblemDetail> answer = this.handler.databaseBusy(new UncategorizedSQLException("insert",
				"insert", new SQLException("[SQLITE_BUSY] The database file is locked (database is locked)")));
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
		assertThat(answer.getBody().getType()).hasToString("https://vstage.io/problems/database-busy");
		assertThat(this.handler.databaseBusy(new CannotAcquireLockException("locked")).getStatusCode())
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void otherDatabaseFailuresStayServerErrors() {
		DataIntegrityViolationException failure = new DataIntegrityViolationException("constraint");
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.handler.databaseBusy(failure));
	}

}
