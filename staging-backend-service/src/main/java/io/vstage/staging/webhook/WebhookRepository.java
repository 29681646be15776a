package io.vstage.staging.webhook;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface WebhookRepository extends JpaRepository<WebhookDelivery, String> {

	List<WebhookDelivery> findByNextAttemptAtLessThanEqual(Instant now);

	/**
	 * Takes a due delivery for one attempt, unless another backend took it since it was
	 * read; answers 1 when taken. Until {@code until} no one else sends it.
	 */
	@Transactional
	@Modifying
	@Query(value = "update webhook_delivery set next_attempt_at = :until where id = :id and next_attempt_at = :seen",
			nativeQuery = true)
	int claim(String id, long seen, long until);

}
