package io.vstage.staging.catalog;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the workflows and the style catalogue are read from.
 *
 * @param location folder holding {@code index.json} (a Spring resource location)
 * @param extraBindings further binding files; their {@code workflow} is resolved next to
 * the binding unless it is a URL
 */
@ConfigurationProperties("vstage.catalog")
record CatalogProperties(@DefaultValue("classpath:workflows/") String location,
		@DefaultValue List<String> extraBindings) {

}
