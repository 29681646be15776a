package io.vstage.staging.quota;

import java.time.Clock;

import org.springframework.stereotype.Service;

/**
 * Records refunds in the caller's transaction; {@link RefundSender} delivers them later.
 */
@Service
public class RefundOutbox {

	private final RefundRepository refunds;

	private final Clock clock;

	RefundOutbox(RefundRepository refunds, Clock clock) {
		this.refunds = refunds;
		this.clock = clock;
	}

	/**
	 * Records that {@code units} of a reservation were not delivered. One refund per
	 * reservation: the key manager refunds a reservation once, so a second call is
	 * ignored.
	 */
	public void record(String reservationId, String jobId, int units) {
		if (units <= 0 || this.refunds.existsById(reservationId)) {
			return;
		}
		this.refunds.save(new Refund(reservationId, jobId, units, this.clock.instant()));
	}

}
