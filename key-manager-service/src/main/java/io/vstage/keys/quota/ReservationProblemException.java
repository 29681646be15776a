package io.vstage.keys.quota;

import io.vstage.contracts.problem.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A reservation id reused with other values, or one released before it arrived. */
class ReservationProblemException extends ErrorResponseException {

	private ReservationProblemException(HttpStatus status, String slug, String detail) {
		super(status, problem(status, slug, detail), null);
	}

	static ReservationProblemException conflict(String reservationId) {
		return new ReservationProblemException(HttpStatus.CONFLICT, "reservation-conflict",
				"Reservation " + reservationId + " already exists with another key or number of units");
	}

	static ReservationProblemException released(String reservationId) {
		return new ReservationProblemException(HttpStatus.CONFLICT, "reservation-released",
				"Reservation " + reservationId + " was released before it arrived; nothing is charged");
	}

	private static ProblemDetail problem(HttpStatus status, String slug, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.uri(slug));
		return problem;
	}

}
