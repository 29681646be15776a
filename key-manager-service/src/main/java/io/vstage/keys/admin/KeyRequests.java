package io.vstage.keys.admin;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Request bodies of the admin API. */
final class KeyRequests {

	static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

	private KeyRequests() {
	}

	/** {@code POST /api/v1/keys}. */
	record IssueKeyRequest(@NotBlank @Size(max = 100) String name,
			@NotBlank @Size(max = 254) @Email(regexp = EMAIL) String ownerEmail,
			@Nullable @Size(max = 200) String organization,
			@NotNull @Pattern(regexp = "user|admin|superadmin", message = "must be user or admin") String role,
			@Nullable @Min(1) @Max(100_000) Integer rateLimitPerMinute,
			@Nullable @Min(0) @Max(1_000_000) Integer dailyQuota, @Nullable @Future Instant expiresAt,
			@Nullable Map<String, Object> metadata) {
	}

	/** {@code PATCH /api/v1/keys/{id}}: absent fields stay as they are. */
	record UpdateKeyRequest(@Nullable @Size(min = 1, max = 100) @Pattern(regexp = "(?s).*\\S.*") String name,
			@Nullable @Size(max = 254) @Email(regexp = EMAIL) String ownerEmail,
			@Nullable @Size(max = 200) String organization, @Nullable @Min(1) @Max(100_000) Integer rateLimitPerMinute,
			@Nullable @Min(0) @Max(1_000_000) Integer dailyQuota, @Nullable @Future Instant expiresAt,
			@Nullable Map<String, Object> metadata) {
	}

	/**
	 * {@code POST /api/v1/keys/{id}/rotate}: how long the old secret keeps working (0 to
	 * 24 h).
	 */
	record RotateKeyRequest(@Nullable @Min(0) @Max(86_400) Integer gracePeriodSeconds) {
	}

}
