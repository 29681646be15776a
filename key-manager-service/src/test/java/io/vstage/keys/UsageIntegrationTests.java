package io.vstage.keys;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage events in batches from the gateway, and the per-key usage report built from them.
 */
class UsageIntegrationTests extends SqliteIntegrationTests {

	@Test
	void usageBatchesFeedTheReport() {
		String keyId = issued("user", Map.of("daily_quota", 10)).text("id");
		Instant at = Instant.now();
		List<Map<String, Object>> events = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			events.add(Map.of("key_id", keyId, "request_id", UUID.randomUUID().toString(), "method", "POST", "route",
					"/api/v1/staging/jobs", "status", (i <= 19) ? 202 : 500, "latency_ms", i * 10, "units", 1, "at",
					at.toString()));
		}
		Api.Reply accepted = api().post("/internal/v1/usage", Jwts.service(), Api.json(Map.of("events", events)));
		assertThat(accepted.status()).isEqualTo(202);
		assertThat(accepted.json().path("accepted").asInt()).isEqualTo(20);
		api().post("/internal/v1/quota/reservations", Jwts.service(),
				Api.json(Map.of("reservation_id", UUID.randomUUID().toString(), "key_id", keyId, "units", 3)));
		LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
		Api.Reply report = api().get("/api/v1/keys/" + keyId + "/usage?from=" + today.minusDays(1) + "&to=" + today,
				Jwts.superAdmin());
		assertThat(report.status()).isEqualTo(200);
		assertThat(report.json().path("requests").asInt()).isEqualTo(20);
		assertThat(report.json().path("images").asInt()).isEqualTo(3);
		assertThat(report.json().path("success_rate").asDouble()).isEqualTo(0.95);
		assertThat(report.json().path("mean_latency_ms").asDouble()).isEqualTo(105.0);
		assertThat(report.json().path("p95_latency_ms").asInt()).isEqualTo(190);
		assertThat(report.json().path("days").size()).isEqualTo(2);
		assertThat(report.json().path("days").get(1).path("requests").asInt()).isEqualTo(20);
		assertThat(report.json().path("days").get(0).path("requests").asInt()).isZero();
	}

	@Test
	void fullBatchOfAThousandEventsIsAcceptedThoughLargerThanOtherBodies() {
		String keyId = issued("user", Map.of("daily_quota", 10)).text("id");
		List<Map<String, Object>> events = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			events.add(Map.of("key_id", keyId, "request_id", UUID.randomUUID().toString(), "method", "POST", "route",
					"/api/v1/staging/jobs", "status", 202, "latency_ms", 12, "units", 1, "at",
					Instant.now().toString()));
		}
		String body = Api.json(Map.of("events", events));
		assertThat(body.length()).isGreaterThan(PayloadLimitFilter.MAX_BYTES);
		Api.Reply reply = api().post("/internal/v1/usage", Jwts.service(), body);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
		assertThat(reply.json().path("accepted").asInt()).isEqualTo(1000);
	}

	@Test
	void batchesOverOneThousandEventsAreRejected() {
		List<Map<String, Object>> events = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			events.add(Map.of("key_id", "k", "status", 200, "latency_ms", 1, "at", Instant.now().toString()));
		}
		Api.Reply reply = api().post("/internal/v1/usage", Jwts.service(), Api.json(Map.of("events", events)));
		assertThat(reply.status()).isIn(413, 422);
	}

	@Test
	void eventsWithoutStatusAreRejected() {
		Api.Reply reply = api().post("/internal/v1/usage", Jwts.service(),
				"{\"events\":[{\"key_id\":\"k\",\"latency_ms\":1,\"at\":\"2026-01-01T00:00:00Z\"}]}");
		assertThat(reply.status()).isEqualTo(422);
	}

	@Test
	void superAdminMeIsUnlimited() {
		Api.Reply me = api().get("/api/v1/me", Jwts.superAdmin());
		assertThat(me.text("role")).isEqualTo("superadmin");
		assertThat(me.json().path("daily_quota").isNull()).isTrue();
		assertThat(me.json().path("rate_limit_per_minute").asInt()).isEqualTo(100_000);
	}

	@Test
	void openApiAndPrometheusAnswerWithAToken() {
		Api.Reply docs = api().get("/v3/api-docs", Jwts.superAdmin());
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().path("paths").has("/api/v1/keys")).isTrue();
		assertThat(docs.json().path("paths").has("/internal/v1/keys/authenticate")).isTrue();
		assertThat(api().get("/v3/api-docs", null).status()).isEqualTo(401);
		Api.Reply metrics = api().get("/actuator/prometheus", Jwts.service());
		assertThat(metrics.status()).isEqualTo(200);
	}

}
