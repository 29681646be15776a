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
	void totalsSumEveryKeyForTheSuperAdminAndTheirOwnKeysForAnAdmin() {
		String admin = Jwts.forKey(issued("admin", Map.of()).text("id"), "admin");
		String first = issuedBy(admin);
		String second = issuedBy(admin);
		String someoneElses = issued("user", Map.of("daily_quota", 10)).text("id");
		// requests on a day of their own, so that other tests' events do not count
		LocalDate day = LocalDate.of(2019, 6, 1);
		Instant at = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
		sendEvents(first, at, 200, 10, 3);
		sendEvents(second, at, 200, 30, 1);
		sendEvents(someoneElses, at, 500, 50, 4);
		Api.Reply all = api().get("/api/v1/keys/usage?from=" + day + "&to=" + day, Jwts.superAdmin());
		assertThat(all.status()).as(all.toString()).isEqualTo(200);
		assertThat(all.json().path("key_id").isNull()).isTrue();
		assertThat(all.json().path("requests").asInt()).isEqualTo(8);
		assertThat(all.json().path("success_rate").asDouble()).isEqualTo(0.5);
		assertThat(all.json().path("mean_latency_ms").asDouble()).isEqualTo((3 * 10 + 30 + 4 * 50) / 8.0);
		assertThat(all.json().path("p95_latency_ms").asInt()).isEqualTo(50);
		Api.Reply own = api().get("/api/v1/keys/usage?from=" + day + "&to=" + day, admin);
		assertThat(own.status()).as(own.toString()).isEqualTo(200);
		assertThat(own.json().path("requests").asInt()).isEqualTo(4);
		assertThat(own.json().path("success_rate").asDouble()).isEqualTo(1.0);
		// images come from the quota counters of today
		reserve(first, 2);
		reserve(second, 3);
		reserve(someoneElses, 5);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Api.Reply ownToday = api().get("/api/v1/keys/usage?from=" + today + "&to=" + today, admin);
		assertThat(ownToday.json().path("images").asInt()).isEqualTo(5);
		Api.Reply allToday = api().get("/api/v1/keys/usage?from=" + today + "&to=" + today, Jwts.superAdmin());
		assertThat(allToday.json().path("images").asInt()).isGreaterThanOrEqualTo(10);
	}

	@Test
	void totalsAreForAdminsOnly() {
		String user = Jwts.forKey(issued("user", Map.of()).text("id"), "user");
		assertThat(api().get("/api/v1/keys/usage", user).status()).isEqualTo(403);
		Api.Reply backwards = api().get("/api/v1/keys/usage?from=2026-02-01&to=2026-01-01", Jwts.superAdmin());
		assertThat(backwards.status()).isEqualTo(422);
	}

	private String issuedBy(String admin) {
		Api.Reply reply = issue(admin, "user", Map.of("daily_quota", 10));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.text("id");
	}

	private void sendEvents(String keyId, Instant at, int status, int latencyMs, int count) {
		List<Map<String, Object>> events = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			events.add(Map.of("key_id", keyId, "status", status, "latency_ms", latencyMs, "at", at.toString()));
		}
		assertThat(api().post("/internal/v1/usage", Jwts.service(), Api.json(Map.of("events", events))).status())
			.isEqualTo(202);
	}

	private void reserve(String keyId, int units) {
		Api.Reply reply = api().post("/internal/v1/quota/reservations", Jwts.service(),
				Api.json(Map.of("reservation_id", UUID.randomUUID().toString(), "key_id", keyId, "units", units)));
		assertThat(reply.status()).as(reply.toString()).isLessThan(300);
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
