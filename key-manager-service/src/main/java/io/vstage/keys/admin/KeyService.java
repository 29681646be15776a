package io.vstage.keys.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.vstage.keys.admin.KeyRequests.IssueKeyRequest;
import io.vstage.keys.admin.KeyRequests.UpdateKeyRequest;
import io.vstage.keys.audit.AuditLog;
import io.vstage.keys.key.ApiKey;
import io.vstage.keys.key.ApiKeyRepository;
import io.vstage.keys.key.KeyChangeFeed;
import io.vstage.keys.key.KeyChangeKind;
import io.vstage.keys.key.KeyDetails;
import io.vstage.keys.key.KeyProblemException;
import io.vstage.keys.key.KeyRole;
import io.vstage.keys.key.KeySecret;
import io.vstage.keys.key.KeyStatus;
import io.vstage.keys.security.Caller;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin actions on keys: each checks the role table, changes the key, feeds the change
 * feed and audits.
 */
@Service
class KeyService {

	private static final int DEFAULT_RATE_LIMIT = 60;

	private static final int DEFAULT_DAILY_QUOTA = 100;

	private final ApiKeyRepository keys;

	private final KeyChangeFeed feed;

	private final AuditLog audit;

	private final JsonMapper json;

	private final SecureRandom random;

	private final Clock clock;

	KeyService(ApiKeyRepository keys, KeyChangeFeed feed, AuditLog audit, JsonMapper json, SecureRandom random,
			Clock clock) {
		this.keys = keys;
		this.feed = feed;
		this.audit = audit;
		this.json = json;
		this.random = random;
		this.clock = clock;
	}

	@Transactional
	Issued issue(Caller caller, IssueKeyRequest request) {
		KeyRole role = KeyRole.fromWire(request.role());
		require(caller, KeyPolicy.creating(role), null, "Your role may not create " + role.wireName() + " keys");
		Instant now = this.clock.instant();
		KeySecret secret = KeySecret.generate(this.random);
		KeyDetails details = new KeyDetails(request.name(), request.ownerEmail(), request.organization(),
				Objects.requireNonNullElse(request.rateLimitPerMinute(), DEFAULT_RATE_LIMIT),
				Objects.requireNonNullElse(request.dailyQuota(), DEFAULT_DAILY_QUOTA), request.expiresAt(),
				metadataJson(request.metadata()));
		ApiKey key = this.keys.save(new ApiKey(UUID.randomUUID(), secret.hash(), secret.displayPrefix(), details, role,
				caller.subject(), now));
		this.feed.append(key.getId(), KeyChangeKind.CREATED, now);
		this.audit.record(caller, "key.create", key.getId().toString(), Map.of(), auditState(key));
		return new Issued(key, secret);
	}

	@Transactional(readOnly = true)
	ApiKey get(Caller caller, UUID id, KeyAction action) {
		ApiKey key = this.keys.findById(id).orElseThrow(() -> KeyProblemException.notFound(id));
		require(caller, action, key, "You may not access key " + id);
		return key;
	}

	@Transactional
	ApiKey update(Caller caller, UUID id, UpdateKeyRequest request) {
		ApiKey key = get(caller, id, KeyAction.EDIT);
		Map<String, Object> before = auditState(key);
		KeyDetails old = key.details();
		KeyDetails changed = new KeyDetails(Objects.requireNonNullElse(request.name(), old.name()),
				Objects.requireNonNullElse(request.ownerEmail(), old.ownerEmail()),
				(request.organization() != null) ? request.organization() : old.organization(),
				Objects.requireNonNullElse(request.rateLimitPerMinute(), old.rateLimitPerMinute()),
				Objects.requireNonNullElse(request.dailyQuota(), old.dailyQuota()),
				(request.expiresAt() != null) ? request.expiresAt() : old.expiresAt(),
				(request.metadata() != null) ? metadataJson(request.metadata()) : old.metadataJson());
		Instant now = this.clock.instant();
		key.apply(changed, now);
		this.feed.append(id, KeyChangeKind.UPDATED, now);
		auditChanges(caller, "key.update", key, before);
		return key;
	}

	@Transactional
	Issued rotate(Caller caller, UUID id, int graceSeconds) {
		ApiKey key = get(caller, id, KeyAction.ROTATE);
		Instant now = this.clock.instant();
		KeyStatus status = key.statusAt(now);
		if (status != KeyStatus.ACTIVE) {
			throw KeyProblemException.notActive(id, status);
		}
		Map<String, Object> before = auditState(key);
		KeySecret secret = KeySecret.generate(this.random);
		Instant graceEnd = (graceSeconds > 0) ? now.plus(Duration.ofSeconds(graceSeconds)) : null;
		key.rotate(secret.hash(), secret.displayPrefix(), graceEnd, now);
		this.feed.append(id, KeyChangeKind.ROTATED, now);
		auditChanges(caller, "key.rotate", key, before);
		return new Issued(key, secret);
	}

	@Transactional
	ApiKey revoke(Caller caller, UUID id) {
		ApiKey key = get(caller, id, KeyAction.REVOKE);
		Map<String, Object> before = auditState(key);
		Instant now = this.clock.instant();
		key.revoke(now);
		this.feed.append(id, KeyChangeKind.REVOKED, now);
		auditChanges(caller, "key.revoke", key, before);
		return key;
	}

	@Transactional
	void delete(Caller caller, UUID id) {
		ApiKey key = get(caller, id, KeyAction.DELETE);
		Map<String, Object> before = auditState(key);
		this.keys.delete(key);
		this.feed.append(id, KeyChangeKind.DELETED, this.clock.instant());
		this.audit.record(caller, "key.delete", id.toString(), before, Map.of());
	}

	static void require(Caller caller, KeyAction action, @Nullable ApiKey key, String detail) {
		KeyPolicy.Target target = (key != null)
				? new KeyPolicy.Target(key.getId().toString(), key.getRole(), key.getCreatedBy()) : null;
		if (!KeyPolicy.allows(caller, action, target)) {
			throw KeyProblemException.forbidden(detail);
		}
	}

	private void auditChanges(Caller caller, String action, ApiKey key, Map<String, Object> before) {
		Map<String, Object> after = auditState(key);
		Map<String, Object> changedBefore = new LinkedHashMap<>();
		Map<String, Object> changedAfter = new LinkedHashMap<>();
		before.forEach((field, value) -> {
			if (!Objects.equals(value, after.get(field))) {
				changedBefore.put(field, value);
				changedAfter.put(field, after.get(field));
			}
		});
		this.audit.record(caller, action, key.getId().toString(), changedBefore, changedAfter);
	}

	/**
	 * The audited fields of a key: never its hash or secret; null values become JSON
	 * null.
	 */
	private static Map<String, Object> auditState(ApiKey key) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("name", key.getName());
		state.put("owner_email", key.getOwnerEmail());
		state.put("organization", key.getOrganization());
		state.put("role", key.getRole().wireName());
		state.put("status", key.getStatus().wireName());
		state.put("prefix", key.getDisplayPrefix());
		state.put("rate_limit_per_minute", key.getRateLimitPerMinute());
		state.put("daily_quota", key.getDailyQuota());
		state.put("expires_at", (key.getExpiresAt() != null) ? key.getExpiresAt().toString() : null);
		state.put("previous_valid_until",
				(key.getPreviousValidUntil() != null) ? key.getPreviousValidUntil().toString() : null);
		state.put("metadata", key.getMetadataJson());
		return state;
	}

	private @Nullable String metadataJson(@Nullable Map<String, Object> metadata) {
		return (metadata != null) ? this.json.writeValueAsString(metadata) : null;
	}

	/**
	 * A key with its new secret, shown once.
	 *
	 * @param key the key
	 * @param secret the secret
	 */
	record Issued(ApiKey key, KeySecret secret) {
	}

}
