package io.vstage.keys.key;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

import org.springframework.core.style.ToStringCreator;

/** An API key. Only the SHA-256 of its secret is stored. */
@Entity
@Table(name = "api_keys")
public class ApiKey {

	@Id
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private UUID id;

	private String displayPrefix;

	private String keyHash;

	private @Nullable String previousKeyHash;

	private @Nullable Instant previousValidUntil;

	private String name;

	private String ownerEmail;

	private @Nullable String organization;

	@Enumerated(EnumType.STRING)
	private KeyRole role;

	@Enumerated(EnumType.STRING)
	private KeyStatus status;

	private int rateLimitPerMinute;

	private int dailyQuota;

	private Instant createdAt;

	private Instant updatedAt;

	@Column(insertable = false, updatable = false)
	private @Nullable Instant lastUsedAt;

	private @Nullable Instant revokedAt;

	private @Nullable Instant expiresAt;

	private String createdBy;

	@Column(name = "metadata")
	private @Nullable String metadataJson;

	@Version
	private long version;

	@SuppressWarnings("NullAway.Init")
	protected ApiKey() {
	}

	@SuppressWarnings("NullAway.Init")
	public ApiKey(UUID id, String keyHash, String displayPrefix, KeyDetails details, KeyRole role, String createdBy,
			Instant now) {
		this.id = id;
		this.keyHash = keyHash;
		this.displayPrefix = displayPrefix;
		this.role = role;
		this.status = KeyStatus.ACTIVE;
		this.createdBy = createdBy;
		this.createdAt = millis(now);
		this.updatedAt = millis(now);
		apply(details, now);
	}

	/** Replaces the editable details. */
	public void apply(KeyDetails details, Instant now) {
		this.name = details.name();
		this.ownerEmail = details.ownerEmail();
		this.organization = details.organization();
		this.rateLimitPerMinute = details.rateLimitPerMinute();
		this.dailyQuota = details.dailyQuota();
		this.expiresAt = millis(details.expiresAt());
		this.metadataJson = details.metadataJson();
		this.updatedAt = millis(now);
	}

	/**
	 * Issues a new secret; the old one stays valid until {@code graceEnd} (none when
	 * null).
	 */
	public void rotate(String newHash, String newDisplayPrefix, @Nullable Instant graceEnd, Instant now) {
		this.previousKeyHash = (graceEnd != null) ? this.keyHash : null;
		this.previousValidUntil = millis(graceEnd);
		this.keyHash = newHash;
		this.displayPrefix = newDisplayPrefix;
		this.updatedAt = millis(now);
	}

	/** Revokes the key; a revoked key never works again. */
	public void revoke(Instant now) {
		if (this.status != KeyStatus.REVOKED) {
			this.status = KeyStatus.REVOKED;
			this.revokedAt = millis(now);
			this.updatedAt = millis(now);
		}
	}

	/** Records that the key passed its expiry. */
	public void markExpired(Instant now) {
		if (this.status == KeyStatus.ACTIVE) {
			this.status = KeyStatus.EXPIRED;
			this.updatedAt = millis(now);
		}
	}

	/** The status as seen at {@code now}: an active key past its expiry is expired. */
	public KeyStatus statusAt(Instant now) {
		if (this.status == KeyStatus.ACTIVE && this.expiresAt != null && !now.isBefore(this.expiresAt)) {
			return KeyStatus.EXPIRED;
		}
		return this.status;
	}

	/**
	 * Whether {@code hash} is the previous secret, still within its grace period at
	 * {@code now}.
	 */
	public boolean isPreviousSecretValidAt(String hash, Instant now) {
		return hash.equals(this.previousKeyHash) && this.previousValidUntil != null
				&& now.isBefore(this.previousValidUntil);
	}

	public UUID getId() {
		return this.id;
	}

	public String getDisplayPrefix() {
		return this.displayPrefix;
	}

	public String getKeyHash() {
		return this.keyHash;
	}

	public @Nullable String getPreviousKeyHash() {
		return this.previousKeyHash;
	}

	public @Nullable Instant getPreviousValidUntil() {
		return this.previousValidUntil;
	}

	public String getName() {
		return this.name;
	}

	public String getOwnerEmail() {
		return this.ownerEmail;
	}

	public @Nullable String getOrganization() {
		return this.organization;
	}

	public KeyRole getRole() {
		return this.role;
	}

	/** The stored status; see {@link #statusAt(Instant)} for the effective one. */
	public KeyStatus getStatus() {
		return this.status;
	}

	public int getRateLimitPerMinute() {
		return this.rateLimitPerMinute;
	}

	public int getDailyQuota() {
		return this.dailyQuota;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public @Nullable Instant getLastUsedAt() {
		return this.lastUsedAt;
	}

	public @Nullable Instant getRevokedAt() {
		return this.revokedAt;
	}

	public @Nullable Instant getExpiresAt() {
		return this.expiresAt;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public @Nullable String getMetadataJson() {
		return this.metadataJson;
	}

	/** The editable details as they are now. */
	public KeyDetails details() {
		return new KeyDetails(this.name, this.ownerEmail, this.organization, this.rateLimitPerMinute, this.dailyQuota,
				this.expiresAt, this.metadataJson);
	}

	/**
	 * Times are stored in milliseconds; keeping them so in memory makes answers match the
	 * stored row.
	 */
	private static @Nullable Instant millis(@Nullable Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MILLIS) : null;
	}

	@Override
	public String toString() {
		return new ToStringCreator(this).append("id", this.id)
			.append("prefix", this.displayPrefix)
			.append("role", this.role)
			.append("status", this.status)
			.toString();
	}

}
