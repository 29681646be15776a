package io.vstage.staging;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the staging backend.
 *
 * @param storageDir where inputs and outputs are stored; empty means
 * {@code ./data/images}
 * @param internalJwtSecret HS256 key of the internal JWT (at least 32 characters)
 * @param signedUrlSecret HMAC key of the signed file links (at least 32 characters)
 * @param keyManagerUrl base URL of the key manager, for refunds
 * @param webhookSecret HMAC key of webhook signatures
 * @param maxUploadSize largest accepted file
 * @param maxFiles most files in one job
 * @param maxMegapixels largest accepted image, in millions of pixels
 * @param maxPromptLength longest extra prompt, in characters
 * @param queueCapacity most unfinished jobs before new ones get 503
 * @param imageDeadline longest time one image may take on an engine
 * @param linkTtl life of a signed link
 * @param retention how long jobs and their files are kept
 * @param defaultWorkflow workflow used when the request names none
 * @param refundInterval how often the refund outbox is drained
 * @param webhookBackoff delay before the second webhook try; doubled before the third
 */
@Validated
@ConfigurationProperties("vstage.staging")
public record StagingProperties(@Nullable Path storageDir, @NotBlank @Size(min = 32) String internalJwtSecret,
		@NotBlank @Size(min = 32) String signedUrlSecret, @NotNull URI keyManagerUrl, @NotBlank String webhookSecret,
		@DefaultValue("20MB") DataSize maxUploadSize, @DefaultValue("20") @Min(1) @Max(100) int maxFiles,
		@DefaultValue("40") @Min(1) int maxMegapixels, @DefaultValue("1000") @Min(1) int maxPromptLength,
		@DefaultValue("500") @Min(1) int queueCapacity, @DefaultValue("10m") Duration imageDeadline,
		@DefaultValue("1h") Duration linkTtl, @DefaultValue("30d") Duration retention,
		@DefaultValue("joger") String defaultWorkflow, @DefaultValue("2s") Duration refundInterval,
		@DefaultValue("5s") Duration webhookBackoff) {

	public StagingProperties {
		// an empty STAGING_STORAGE_DIR (a fresh .env) binds as null
		if (storageDir == null || storageDir.toString().isBlank()) {
			storageDir = Path.of("data", "images");
		}
	}

	@Override
	public Path storageDir() {
		return java.util.Objects.requireNonNull(this.storageDir);
	}

}
