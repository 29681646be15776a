package io.vstage.keys.key;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Stored API keys. */
public interface ApiKeyRepository extends JpaRepository<ApiKey, UUID>, JpaSpecificationExecutor<ApiKey> {

	/** The key whose current or previous (rotated) secret has this hash. */
	@Query("select k from ApiKey k where k.keyHash = :hash or k.previousKeyHash = :hash")
	Optional<ApiKey> findBySecretHash(@Param("hash") String hash);

	boolean existsByKeyHash(String keyHash);

	@Query("select k from ApiKey k where k.status = io.vstage.keys.key.KeyStatus.ACTIVE and k.expiresAt <= :now")
	List<ApiKey> findActiveExpiredAt(@Param("now") Instant now);

	/**
	 * Moves last-used forward only, so a late batch never turns it back. Native, because
	 * the entity never writes this column (an edit must not overwrite a newer batched
	 * value).
	 */
	@Modifying
	@Query(nativeQuery = true,
			value = "update api_keys set last_used_at = :at where id = :id and (last_used_at is null or last_used_at < :at)")
	int touchLastUsed(@Param("id") String id, @Param("at") long epochMillis);

}
