package io.vstage.keys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.vstage.keys.key.ApiKey;
import io.vstage.keys.key.ApiKeyRepository;
import io.vstage.keys.key.KeyDetails;
import io.vstage.keys.key.KeyRole;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the storage must guarantee, written once and run against each database:
 * migrations, repository lookups, atomic and idempotent quota reservations, refunds and
 * the change feed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"vstage.keys.super-admin-api-key=" + Jwts.SUPER_ADMIN_KEY, "vstage.keys.internal-jwt-secret=" + Jwts.SECRET })
abstract class StoreContractTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiKeyRepository keys;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void migrationsCreateTheWholeSchema() {
		assertThat(this.jdbc.sql("select count(*) from flyway_schema_history where success = true")
			.query(Integer.class)
			.single()).isEqualTo(1);
		for (String table : List.of("api_keys", "key_changes", "key_change_head", "quota_counters",
				"quota_reservations", "usage_events", "audit_events")) {
			assertThat(this.jdbc.sql("select count(*) from " + table).query(Integer.class).single()).isNotNull();
		}
	}

	@Test
	void repositoryFindsAKeyByItsCurrentAndPreviousSecret() {
		UUID id = UUID.randomUUID();
		String hash = "a".repeat(63) + "1";
		Instant now = Instant.now();
		this.transactions.executeWithoutResult((tx) -> this.keys.save(new ApiKey(id, hash, "vsk_abcdefgh...",
				new KeyDetails("repo", "repo@example.com", null, 60, 100, null, null), KeyRole.USER, "superadmin",
				now)));
		this.transactions.executeWithoutResult((tx) -> this.keys.findById(id)
			.orElseThrow()
			.rotate("b".repeat(63) + "2", "vsk_bcdefghi...", now.plusSeconds(60), now));
		assertThat(this.keys.findBySecretHash("b".repeat(63) + "2")).map(ApiKey::getId).contains(id);
		assertThat(this.keys.findBySecretHash(hash)).map(ApiKey::getId).contains(id);
		assertThat(this.keys.findBySecretHash("c".repeat(64))).isEmpty();
		Integer touched = this.transactions.execute((tx) -> this.keys.touchLastUsed(id.toString(), now.toEpochMilli()));
		assertThat(touched).isEqualTo(1);
		Integer movedBack = this.transactions
			.execute((tx) -> this.keys.touchLastUsed(id.toString(), now.toEpochMilli() - 1));
		assertThat(movedBack).as("last used never moves back").isZero();
	}

	@Test
	void sixtyFourConcurrentReservationsAgainstAQuotaOfFiftyGrantExactlyFifty() {
		String keyId = issueKey(50);
		List<CompletableFuture<Api.Reply>> replies = new ArrayList<>();
		for (int i = 0; i < 64; i++) {
			replies.add(api().sendAsync("POST", "/internal/v1/quota/reservations", Jwts.service(),
					Api.json(Map.of("reservation_id", UUID.randomUUID().toString(), "key_id", keyId, "units", 1))));
		}
		List<Integer> statuses = replies.stream().map(CompletableFuture::join).map(Api.Reply::status).toList();
		assertThat(statuses).filteredOn((s) -> s == 201).hasSize(50);
		assertThat(statuses).filteredOn((s) -> s == 429).hasSize(14);
		Api.Reply live = api().get("/internal/v1/quota/" + keyId, Jwts.service());
		assertThat(live.json().path("used_today").asInt()).isEqualTo(50);
		assertThat(live.json().path("remaining_today").asInt()).isZero();
		Api.Reply refused = reserve(UUID.randomUUID(), keyId, 1);
		assertThat(refused.text("type")).isEqualTo("https://vstage.io/problems/quota-exceeded");
		assertThat(refused.json().path("daily_quota").asInt()).isEqualTo(50);
		assertThat(refused.json().path("requested").asInt()).isEqualTo(1);
	}

	@Test
	void repeatingAReservationGrantsItOnce() {
		String keyId = issueKey(10);
		UUID reservation = UUID.randomUUID();
		List<CompletableFuture<Api.Reply>> replies = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			replies.add(api().sendAsync("POST", "/internal/v1/quota/reservations", Jwts.service(),
					Api.json(Map.of("reservation_id", reservation.toString(), "key_id", keyId, "units", 4))));
		}
		List<Integer> statuses = replies.stream().map(CompletableFuture::join).map(Api.Reply::status).toList();
		assertThat(statuses).filteredOn((s) -> s == 201).hasSize(1);
		assertThat(statuses).filteredOn((s) -> s == 200).hasSize(7);
		assertThat(api().get("/internal/v1/quota/" + keyId, Jwts.service()).json().path("used_today").asInt())
			.isEqualTo(4);
		assertThat(reserve(reservation, keyId, 5).status()).isEqualTo(409);
	}

	@Test
	void refundGivesUndeliveredUnitsBackOnce() {
		String keyId = issueKey(10);
		UUID reservation = UUID.randomUUID();
		assertThat(reserve(reservation, keyId, 4).json().path("remaining_today").asInt()).isEqualTo(6);
		String refund = "/internal/v1/quota/reservations/" + reservation + "/refund";
		Api.Reply first = api().post(refund, Jwts.service(), "{\"units\":3}");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().path("refunded_units").asInt()).isEqualTo(3);
		assertThat(first.json().path("remaining_today").asInt()).isEqualTo(9);
		assertThat(first.text("state")).isEqualTo("refunded");
		Api.Reply again = api().post(refund, Jwts.service(), "{\"units\":4}");
		assertThat(again.json()).isEqualTo(first.json());
		assertThat(api()
			.post("/internal/v1/quota/reservations/" + UUID.randomUUID() + "/refund", Jwts.service(), "{\"units\":1}")
			.text("type")).isEqualTo("https://vstage.io/problems/reservation-not-found");
	}

	@Test
	void superAdminIsGrantedWithoutCounting() {
		Api.Reply reply = reserve(UUID.randomUUID(), "superadmin", 1000);
		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.json().path("remaining_today").isNull()).isTrue();
	}

	@Test
	void changeFeedReportsARevocationAfterTheCursor() {
		String keyId = issueKey(1);
		long head = api().get("/internal/v1/keys/changes/head", Jwts.service()).json().path("cursor").asLong();
		api().post("/api/v1/keys/" + keyId + "/revoke", Jwts.superAdmin(), null);
		Api.Reply changes = api().get("/internal/v1/keys/changes?after=" + head, Jwts.service());
		assertThat(changes.json()
			.path("changes")
			.valueStream()
			.map((c) -> c.path("kind").asString() + ":" + c.path("key_id").asString()))
			.containsExactly("revoked:" + keyId);
		assertThat(changes.json().path("changes").get(0).path("seq").asLong()).isEqualTo(head + 1);
		Api.Reply nothingNew = api().get("/internal/v1/keys/changes?after=" + (head + 1), Jwts.service());
		assertThat(nothingNew.json().path("changes").isEmpty()).isTrue();
		assertThat(nothingNew.json().path("cursor").asLong()).isEqualTo(head + 1);
	}

	private Api api() {
		return new Api(this.port);
	}

	private Api.Reply reserve(UUID reservation, String keyId, int units) {
		return api().post("/internal/v1/quota/reservations", Jwts.service(),
				Api.json(Map.of("reservation_id", reservation.toString(), "key_id", keyId, "units", units)));
	}

	private String issueKey(int dailyQuota) {
		Api.Reply reply = api().post("/api/v1/keys", Jwts.superAdmin(), Api.json(Map.of("name", "store test",
				"owner_email", "store@example.com", "role", "user", "daily_quota", dailyQuota)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.text("id");
	}

}
