package io.vstage.keys;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.vstage.keys.key.ApiKey;
import io.vstage.keys.key.ApiKeyRepository;
import io.vstage.keys.key.KeyDetails;
import io.vstage.keys.key.KeyRole;
import io.vstage.keys.usage.UsageReport;
import io.vstage.keys.usage.UsageReports;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the storage must guarantee, written once and run against each database:
 * migrations, repository lookups, atomic and idempotent quota reservations, refunds and
 * the change feed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vstage.keys.super-admin-api-key=" + Jwts.SUPER_ADMIN_KEY,
				"vstage.keys.internal-jwt-secret=" + Jwts.SECRET,
				// the cache learns of other instances' changes only when asked to, below
				"vstage.keys.cache-sync-interval=1h" })
abstract class StoreContractTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiKeyRepository keys;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	@Autowired
	UsageReports usage;

	@Test
	void migrationsCreateTheWholeSchema() {
		assertThat(this.jdbc.sql("select count(*) from flyway_schema_history where success = true")
			.query(Integer.class)
			.single()).isEqualTo(2);
		for (String table : List.of("api_keys", "key_changes", "key_change_head", "quota_counters",
				"quota_reservations", "usage_events", "audit_events")) {
			assertThat(this.jdbc.sql("select count(*) from " + table).query(Integer.class).single()).isNotNull();
		}
	}

	@Test
	void usageTotalsSumTheKeysInScope() {
		String issuer = "admin-" + UUID.randomUUID();
		UUID mine = savedUserKey(issuer);
		UUID other = savedUserKey("superadmin");
		// a day of its own, so that other tests' usage does not count
		LocalDate day = LocalDate.of(2018, 3, 4);
		long at = day.atTime(10, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
		for (Object[] event : List.of(new Object[] { mine, 200, 10 }, new Object[] { mine, 201, 20 },
				new Object[] { other, 503, 90 })) {
			this.jdbc
				.sql("insert into usage_events (id, key_id, status, latency_ms, units, at) values (?, ?, ?, ?, 0, ?)")
				.params(UUID.randomUUID().toString(), event[0].toString(), event[1], event[2], at)
				.update();
		}
		this.jdbc.sql("insert into quota_counters (key_id, day, used) values (?, ?, 4), (?, ?, 6)")
			.params(mine.toString(), day.toString(), other.toString(), day.toString())
			.update();
		UsageReport all = this.usage.totals(day, day);
		assertThat(all.requests()).isEqualTo(3);
		assertThat(all.images()).isEqualTo(10);
		assertThat(all.p95LatencyMs()).isEqualTo(90);
		UsageReport issued = this.usage.totalsOfKeysIssuedBy(issuer, day, day);
		assertThat(issued.requests()).isEqualTo(2);
		assertThat(issued.images()).isEqualTo(4);
		assertThat(issued.successRate()).isEqualTo(1.0);
		assertThat(issued.days()).singleElement().satisfies((d) -> assertThat(d.images()).isEqualTo(4));
	}

	private UUID savedUserKey(String createdBy) {
		UUID id = UUID.randomUUID();
		String hash = id.toString().replace("-", "").repeat(2);
		this.transactions.executeWithoutResult((tx) -> this.keys.save(new ApiKey(id, hash, "vsk_usage...",
				new KeyDetails("usage", "usage@example.com", null, 60, 100, null, null), KeyRole.USER, createdBy,
				Instant.now())));
		return id;
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
	}

	/**
	 * The gateway's reserve call timed out, so it released the id, and the slow
	 * reservation is processed after the release: it is refused and charges nothing.
	 */
	@Test
	void aReservationThatArrivesAfterItsReleaseIsRefusedAndChargesNothing() {
		String keyId = issueKey(10);
		UUID reservation = UUID.randomUUID();
		Api.Reply released = refund(reservation, 4);
		assertThat(released.status()).as(released.body()).isEqualTo(200);
		assertThat(released.json().path("reservation_id").asString()).isEqualTo(reservation.toString());
		assertThat(released.json().path("refunded_units").asInt()).isZero();
		assertThat(released.text("state")).isEqualTo("released");
		Api.Reply late = reserve(reservation, keyId, 4);
		assertThat(late.status()).as(late.body()).isEqualTo(409);
		assertThat(late.contentType()).startsWith("application/problem+json");
		assertThat(late.text("type")).isEqualTo("https://vstage.io/problems/reservation-released");
		assertThat(usedToday(keyId)).isZero();
		assertThat(refund(reservation, 4).json()).as("a repeated release answers the same").isEqualTo(released.json());
		assertThat(reserve(reservation, keyId, 4).status()).as("and the reservation stays refused").isEqualTo(409);
		assertThat(usedToday(keyId)).isZero();
	}

	@Test
	void aReleaseThatArrivesAfterItsReservationGivesTheUnitsBack() {
		String keyId = issueKey(10);
		UUID reservation = UUID.randomUUID();
		assertThat(reserve(reservation, keyId, 4).status()).isEqualTo(201);
		assertThat(usedToday(keyId)).isEqualTo(4);
		Api.Reply released = refund(reservation, 4);
		assertThat(released.text("state")).isEqualTo("refunded");
		assertThat(released.json().path("refunded_units").asInt()).isEqualTo(4);
		assertThat(usedToday(keyId)).isZero();
	}

	/**
	 * Reserve and release of one id sent at the same moment, for many ids: whichever
	 * wins, nothing stays charged for a released id; only the reservations never released
	 * stay charged.
	 */
	@Test
	void reservationsRacingTheirReleasesNeverStayCharged() {
		String keyId = issueKey(1000);
		List<UUID> raced = new ArrayList<>();
		List<CompletableFuture<Api.Reply>> reserves = new ArrayList<>();
		List<CompletableFuture<Api.Reply>> releases = new ArrayList<>();
		List<CompletableFuture<Api.Reply>> kept = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			UUID reservation = UUID.randomUUID();
			raced.add(reservation);
			String body = Api.json(Map.of("reservation_id", reservation.toString(), "key_id", keyId, "units", 3));
			String refund = "/internal/v1/quota/reservations/" + reservation + "/refund";
			// alternate who is sent first
			if (i % 2 == 0) {
				reserves.add(api().sendAsync("POST", "/internal/v1/quota/reservations", Jwts.service(), body));
				releases.add(api().sendAsync("POST", refund, Jwts.service(), "{\"units\":3}"));
			}
			else {
				releases.add(api().sendAsync("POST", refund, Jwts.service(), "{\"units\":3}"));
				reserves.add(api().sendAsync("POST", "/internal/v1/quota/reservations", Jwts.service(), body));
			}
			if (i % 4 == 0) {
				kept.add(api().sendAsync("POST", "/internal/v1/quota/reservations", Jwts.service(),
						Api.json(Map.of("reservation_id", UUID.randomUUID().toString(), "key_id", keyId, "units", 2))));
			}
		}
		int releasedFirst = 0;
		for (int i = 0; i < raced.size(); i++) {
			Api.Reply reserve = reserves.get(i).join();
			Api.Reply release = releases.get(i).join();
			assertThat(release.status()).as(release.body()).isEqualTo(200);
			if (release.text("state").equals("released")) {
				releasedFirst++;
				assertThat(release.json().path("refunded_units").asInt()).isZero();
				assertThat(reserve.status()).as(reserve.body()).isEqualTo(409);
				assertThat(reserve.text("type")).isEqualTo("https://vstage.io/problems/reservation-released");
			}
			else {
				assertThat(release.text("state")).isEqualTo("refunded");
				assertThat(release.json().path("refunded_units").asInt()).isEqualTo(3);
				assertThat(reserve.status()).as(reserve.body()).isEqualTo(201);
			}
		}
		assertThat(kept.stream().map(CompletableFuture::join).map(Api.Reply::status)).containsOnly(201);
		assertThat(usedToday(keyId)).as("%d of %d released before their reservation", releasedFirst, raced.size())
			.isEqualTo(2 * kept.size());
		for (UUID reservation : raced) {
			assertThat(this.jdbc.sql("select state from quota_reservations where id = ?")
				.param(reservation.toString())
				.query(String.class)
				.single()).isIn("released", "refunded");
		}
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

	@Test
	void aCallerThatHasSeenAChangeIsNotAnsweredFromACacheOlderThanIt() {
		Api.Reply issued = api().post("/api/v1/keys", Jwts.superAdmin(),
				Api.json(Map.of("name", "seen", "owner_email", "seen@example.com", "role", "user")));
		String keyId = issued.text("id");
		String presented = Api.json(Map.of("api_key", issued.text("api_key")));
		assertThat(api().post("/internal/v1/keys/authenticate", Jwts.service(), presented).text("outcome"))
			.isEqualTo("valid");
		// another instance on the same database revokes it; this one's cache is not told
		this.transactions.executeWithoutResult((tx) -> {
			long now = Instant.now().toEpochMilli();
			this.jdbc.sql("update api_keys set status = 'REVOKED', revoked_at = ?, version = version + 1 where id = ?")
				.params(now, keyId)
				.update();
			this.jdbc.sql("update key_change_head set seq = seq + 1 where id = 1").update();
			this.jdbc
				.sql("insert into key_changes (seq, key_id, kind, at) "
						+ "select seq, ?, 'REVOKED', ? from key_change_head where id = 1")
				.params(keyId, now)
				.update();
		});
		long seen = this.jdbc.sql("select seq from key_change_head where id = 1").query(Long.class).single();
		assertThat(api().post("/internal/v1/keys/authenticate", Jwts.service(), presented).text("outcome"))
			.as("from the cache, which has not followed the feed yet")
			.isEqualTo("valid");
		String withSeen = Api.json(Map.of("api_key", issued.text("api_key"), "seen_change", seen));
		assertThat(api().post("/internal/v1/keys/authenticate", Jwts.service(), withSeen).text("outcome"))
			.isEqualTo("revoked");
	}

	/**
	 * The load of the hang seen with virtual threads and one SQLite connection:
	 * authentications that miss the cache (keys not seen yet, or just changed), key
	 * listings, creations and edits, reservations and usage batches, all at once. Every
	 * request gets its answer in time, none is a 5xx, and no connection is left taken.
	 */
	@Test
	void mixedConcurrentLoadIsAnsweredInTimeWithoutServerErrors() throws Exception {
		List<Api.Reply> keys = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			Api.Reply issued = api().post("/api/v1/keys", Jwts.superAdmin(), Api.json(Map.of("name", "load " + i,
					"owner_email", "load@example.com", "role", "user", "daily_quota", 1000)));
			assertThat(issued.status()).as(issued.body()).isEqualTo(201);
			keys.add(issued);
		}
		List<CompletableFuture<Api.Reply>> replies = new ArrayList<>();
		for (Api.Reply key : keys) {
			String keyId = key.text("id");
			for (int i = 0; i < 4; i++) {
				replies.add(api().sendAsync("POST", "/internal/v1/keys/authenticate", Jwts.service(),
						Api.json(Map.of("api_key", key.text("api_key")))));
			}
			replies.add(api().sendAsync("GET", "/api/v1/keys?size=5", Jwts.superAdmin(), null));
			// one edit per key: concurrent edits of one key are a conflict, not this test
			replies.add(api().sendAsync("PATCH", "/api/v1/keys/" + keyId, Jwts.superAdmin(),
					Api.json(Map.of("rate_limit_per_minute", 120))));
			replies.add(api().sendAsync("POST", "/api/v1/keys", Jwts.superAdmin(),
					Api.json(Map.of("name", "load extra", "owner_email", "load@example.com", "role", "user"))));
			replies.add(api().sendAsync("POST", "/internal/v1/quota/reservations", Jwts.service(),
					Api.json(Map.of("reservation_id", UUID.randomUUID().toString(), "key_id", keyId, "units", 1))));
			replies.add(api().sendAsync("POST", "/internal/v1/usage", Jwts.service(), Api.json(Map.of("events", List
				.of(Map.of("key_id", keyId, "status", 200, "latency_ms", 5, "at", Instant.now().toString()))))));
		}
		CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
		assertThat(replies.stream().map(CompletableFuture::join))
			.allSatisfy((reply) -> assertThat(reply.status()).as(reply.body()).isLessThan(300));
		// the scheduled jobs may hold one for a moment; a leaked one stays taken
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(gate().inUse()).isZero());
	}

	/**
	 * A request that gets no connection within {@code vstage.keys.database-wait} (10 s by
	 * default) is answered 503 with a stable type, never left waiting or answered 500;
	 * once a connection is free again, the same requests succeed.
	 */
	@Test
	void aRequestThatGetsNoConnectionInTimeIsA503Problem() throws Exception {
		Api.Reply issued = api().post("/api/v1/keys", Jwts.superAdmin(), Api
			.json(Map.of("name", "busy test", "owner_email", "busy@example.com", "role", "user", "daily_quota", 5)));
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		String apiKey = issued.text("api_key");
		List<Connection> held = new ArrayList<>();
		try {
			for (int i = 0; i < this.dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize(); i++) {
				held.add(this.dataSource.getConnection());
			}
			long start = System.nanoTime();
			CompletableFuture<Api.Reply> list = api().sendAsync("GET", "/api/v1/keys?size=1", Jwts.superAdmin(), null);
			// not cached yet: authentication needs the database too
			CompletableFuture<Api.Reply> authenticate = api().sendAsync("POST", "/internal/v1/keys/authenticate",
					Jwts.service(), Api.json(Map.of("api_key", apiKey)));
			for (Api.Reply reply : List.of(list.get(25, TimeUnit.SECONDS), authenticate.get(25, TimeUnit.SECONDS))) {
				assertThat(reply.status()).as(reply.body()).isEqualTo(503);
				assertThat(reply.contentType()).startsWith("application/problem+json");
				assertThat(reply.text("type")).isEqualTo("https://vstage.io/problems/database-busy");
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
		assertThat(api().get("/api/v1/keys?size=1", Jwts.superAdmin()).status()).isEqualTo(200);
		Api.Reply authenticated = api().post("/internal/v1/keys/authenticate", Jwts.service(),
				Api.json(Map.of("api_key", apiKey)));
		assertThat(authenticated.text("outcome")).isEqualTo("valid");
	}

	private ConnectionGate gate() throws SQLException {
		return this.dataSource.unwrap(ConnectionGate.class);
	}

	private Api api() {
		return new Api(this.port);
	}

	private Api.Reply reserve(UUID reservation, String keyId, int units) {
		return api().post("/internal/v1/quota/reservations", Jwts.service(),
				Api.json(Map.of("reservation_id", reservation.toString(), "key_id", keyId, "units", units)));
	}

	private Api.Reply refund(UUID reservation, int units) {
		return api().post("/internal/v1/quota/reservations/" + reservation + "/refund", Jwts.service(),
				Api.json(Map.of("units", units)));
	}

	private int usedToday(String keyId) {
		return api().get("/internal/v1/quota/" + keyId, Jwts.service()).json().path("used_today").asInt();
	}

	private String issueKey(int dailyQuota) {
		Api.Reply reply = api().post("/api/v1/keys", Jwts.superAdmin(), Api.json(Map.of("name", "store test",
				"owner_email", "store@example.com", "role", "user", "daily_quota", dailyQuota)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.text("id");
	}

}
