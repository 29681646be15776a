package io.vstage.staging.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.vstage.staging.StagingProblem;

/**
 * Serves stored images to anyone holding a valid, unexpired signed link.
 */
@RestController
class FileController {

	private static final Pattern JOB_ID = Pattern.compile("[0-9a-f-]{36}");

	private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9-]{1,40}\\.(png|jpg|webp)");

	private final LinkSigner signer;

	private final ImageStore store;

	FileController(LinkSigner signer, ImageStore store) {
		this.signer = signer;
		this.store = store;
	}

	private void makeDerivatives(String jobId, String name) {
		int position = Integer.parseInt(name.replaceAll("\\D", ""));
		if (Files.exists(this.store.jobDir(jobId).resolve(ImageStore.pngName(position)))) {
			try {
				this.store.ensureDerivatives(jobId, position);
			}
			catch (java.io.IOException ex) {
				throw new StagingProblem(HttpStatus.INTERNAL_SERVER_ERROR, "file-unreadable",
						"The image could not be converted.");
			}
		}
	}

	@GetMapping("/api/v1/staging/files/{jobId}/{name}")
	ResponseEntity<Resource> file(@PathVariable String jobId, @PathVariable String name,
			@RequestParam(required = false) Long expires, @RequestParam(required = false) String sig) {
		if (expires == null || sig == null || !this.signer.isValid(ImageStore.path(jobId, name), expires, sig)) {
			throw new StagingProblem(HttpStatus.FORBIDDEN, "invalid-signature",
					"The link is invalid or has expired; fetch the job again for fresh links.");
		}
		Path file = JOB_ID.matcher(jobId).matches() && FILE_NAME.matcher(name).matches()
				? this.store.jobDir(jobId).resolve(name) : null;
		if (file != null && !Files.exists(file) && name.matches("image-\\d+(-thumb)?\\.jpg")) {
			makeDerivatives(jobId, name);
		}
		if (file == null || !Files.isRegularFile(file)) {
			throw new StagingProblem(HttpStatus.NOT_FOUND, "file-not-found", "The file no longer exists.");
		}
		MediaType type = name.endsWith(".png") ? MediaType.IMAGE_PNG
				: name.endsWith(".webp") ? MediaType.parseMediaType("image/webp") : MediaType.IMAGE_JPEG;
		return ResponseEntity.ok()
			.contentType(type)
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
			.body(new FileSystemResource(file));
	}

}
