package io.vstage.staging.quota;

import java.time.Clock;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import io.vstage.staging.StagingProperties;

/**
 * Drains the refund outbox: each refund is posted until the key manager acknowledges it.
 * The refund endpoint is idempotent per reservation, so a retry after a lost answer pays
 * nothing twice.
 */
@Component
class RefundSender {

	private static final Log logger = LogFactory.getLog(RefundSender.class);

	private final RefundRepository refunds;

	private final ServiceToken token;

	private final RestClient http;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RefundSender(RefundRepository refunds, ServiceToken token, StagingProperties properties,
			TransactionTemplate transactions, Clock clock) {
		this.refunds = refunds;
		this.token = token;
		this.http = RestClient.builder()
			.baseUrl(properties.keyManagerUrl().toString())
			.requestFactory(new JdkClientHttpRequestFactory())
			.build();
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${vstage.staging.refund-interval:2s}")
	synchronized void drain() {
		for (Refund refund : this.refunds
			.findByAcknowledgedAtIsNullAndNextAttemptAtLessThanEqual(this.clock.instant())) {
			send(refund);
			this.transactions.executeWithoutResult((status) -> this.refunds.save(refund));
		}
	}

	private void send(Refund refund) {
		try {
			this.http.post()
				.uri("/internal/v1/quota/reservations/{id}/refund", refund.getReservationId())
				.headers((headers) -> headers.setBearerAuth(this.token.mint()))
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("units", refund.getUnits()))
				.retrieve()
				.toBodilessEntity();
			refund.acknowledged(this.clock.instant(), null);
		}
		catch (RestClientResponseException ex) {
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
				// the reservation is unknown there: nothing can ever be refunded, so stop
				// retrying
				refund.acknowledged(this.clock.instant(), "reservation not found");
				return;
			}
			refund.failed(ex.getStatusCode() + " " + ex.getResponseBodyAsString(), this.clock.instant());
			logger.warn("Refund " + refund + " refused: " + ex.getStatusCode());
		}
		catch (RestClientException ex) {
			refund.failed(String.valueOf(ex.getMessage()), this.clock.instant());
			logger.warn("Refund " + refund + " not delivered: " + ex.getMessage());
		}
	}

}
