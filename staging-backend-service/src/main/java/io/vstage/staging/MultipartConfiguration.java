package io.vstage.staging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spools upload parts into the storage folder, so that keeping an input is a rename, not
 * a copy.
 */
@Configuration(proxyBeanMethods = false)
class MultipartConfiguration {

	@Bean
	MultipartConfigElement multipartConfigElement(MultipartProperties multipart, StagingProperties properties)
			throws IOException {
		Path incoming = Files.createDirectories(properties.storageDir().toAbsolutePath().resolve(".incoming"));
		MultipartConfigElement defaults = multipart.createMultipartConfig();
		return new MultipartConfigElement(incoming.toString(), defaults.getMaxFileSize(), defaults.getMaxRequestSize(),
				defaults.getFileSizeThreshold());
	}

}
