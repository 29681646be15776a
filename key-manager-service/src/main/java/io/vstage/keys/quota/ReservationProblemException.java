package io.vstage.keys.quota;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A reservation that does not exist, or a reservation id reused with other values. */
class ReservationProblemException extends ErrorResponseException {

	private ReservationProblemException(HttpStatus status, String slug, String detail) {
		super(status, problem(status, slug, detail), null);
	}

	static ReservationProblemException notFound(String reservationId) {
		return new ReservationProblemException(HttpStatus.NOT_FOUND, "reservation-not-found",
				"No quota reservation with id " + reservationId);
	}

	static ReservationProblemException conflict(String reservationId) {
		return new ReservationProblemException(HttpStatus.CONFLICT, "reservation-conflict",
				"Reservation " + reservationId + " already exists with another key or number of units");
	}

	private static ProblemDetail problem(HttpStatus status, String slug, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://vstage.io/problems/" + slug));
		return problem;
	}

}
