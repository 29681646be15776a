package io.vstage.staging.quota;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RefundRepository extends JpaRepository<Refund, String> {

	List<Refund> findByAcknowledgedAtIsNullAndNextAttemptAtLessThanEqual(Instant now);

}
