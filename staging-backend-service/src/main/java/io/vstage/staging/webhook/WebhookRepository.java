package io.vstage.staging.webhook;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookRepository extends JpaRepository<WebhookDelivery, String> {

	List<WebhookDelivery> findByNextAttemptAtLessThanEqual(Instant now);

}
