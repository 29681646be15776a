package io.vstage.gateway.quota;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Generation requests.
 *
 * @param maxUploadSize largest multipart body of a generation request; larger ones get
 * 413 (the staging backend's own cap: 20 photos of 20 MB; bodies are spooled to disk, not
 * held in memory)
 * @param spoolDirectory where generation uploads wait on disk while their quota is
 * reserved (default: the system's temporary directory)
 */
@ConfigurationProperties("vstage.gateway.quota")
@Validated
public record QuotaProperties(@DefaultValue("450MB") DataSize maxUploadSize, @Nullable Path spoolDirectory) {

	/** The spool directory to use. */
	public Path spool() {
		return (this.spoolDirectory != null) ? this.spoolDirectory : Path.of(System.getProperty("java.io.tmpdir"));
	}

}
