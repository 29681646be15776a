package io.vstage.staging.catalog;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vstage.contracts.generation.GenerationRequest;
import io.vstage.staging.StagingProperties;
import io.vstage.staging.engine.EngineInstance;
import io.vstage.staging.engine.EnginePool;

/**
 * What the UI may offer: room types, styles, workflows and the upload limits.
 */
@RestController
class CatalogController {

	private final WorkflowCatalog catalog;

	private final StagingProperties properties;

	private final EnginePool engines;

	CatalogController(WorkflowCatalog catalog, StagingProperties properties, EnginePool engines) {
		this.catalog = catalog;
		this.properties = properties;
		this.engines = engines;
	}

	@GetMapping("/api/v1/staging/catalog")
	CatalogView catalog() {
		List<Choice> roomTypes = this.catalog.roomTypes()
			.stream()
			.map((e) -> new Choice(e.id(), e.name(), null))
			.toList();
		List<Choice> styles = this.catalog.styles().stream().map((e) -> new Choice(e.id(), e.name(), null)).toList();
		List<Choice> workflows = this.catalog.workflows()
			.stream()
			.map((w) -> new Choice(w.id(), w.displayName(), w.description()))
			.toList();
		Limits limits = new Limits(this.properties.maxUploadSize().toBytes(), this.properties.maxFiles(),
				GenerationRequest.MAX_NUM_IMAGES, this.properties.maxPromptLength(), this.properties.maxMegapixels());
		boolean simulated = this.engines.instances().stream().anyMatch(EngineInstance::isSimulated);
		return new CatalogView(roomTypes, styles, workflows, this.catalog.defaultWorkflow(), limits, simulated);
	}

	record CatalogView(List<Choice> roomTypes, List<Choice> styles, List<Choice> workflows, String defaultWorkflow,
			Limits limits, boolean engineSimulated) {
	}

	record Choice(String id, String name, @org.jspecify.annotations.Nullable String description) {
	}

	record Limits(long maxUploadBytes, int maxFiles, int maxImages, int maxPromptLength, int maxMegapixels) {
	}

}
