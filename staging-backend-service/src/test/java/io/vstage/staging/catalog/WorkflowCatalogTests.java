package io.vstage.staging.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class WorkflowCatalogTests {

	private final WorkflowCatalog catalog = new WorkflowCatalog(new DefaultResourceLoader(),
			new CatalogProperties("classpath:workflows/", List.of()));

	@TempDir
	Path dir;

	@Test
	void bothWorkflowsOfTheWorkflowsModuleLoad() {
		assertThat(this.catalog.workflows()).extracting(Workflow::id).containsExactly("joger", "img2img-basic");
		assertThat(this.catalog.defaultWorkflow()).isEqualTo("joger");
		assertThat(this.catalog.workflow("joger").orElseThrow().outputNodes()).containsExactly("159");
	}

	@Test
	void bindingWritesIntoACopyOfTheGraph() {
		Workflow joger = this.catalog.workflow("joger").orElseThrow();
		ObjectNode bound = joger.bind(Map.of("image", "job-input-0.jpg", "prompt", "a cosy room", "seed", 77L));
		assertThat(bound.path("9").path("inputs").path("image").asString()).isEqualTo("job-input-0.jpg");
		assertThat(bound.path("32").path("inputs").path("value").asString()).isEqualTo("a cosy room");
		assertThat(bound.path("107").path("inputs").path("value").asLong()).isEqualTo(77L);
		assertThat(joger.graph().path("107").path("inputs").path("value").asLong()).isNotEqualTo(77L);
	}

	@Test
	void promptIsRoomTypeThenStyleThenTheUsersWords() {
		WorkflowCatalog.Prompts prompts = this.catalog.prompts("bedroom", "japandi", "with a reading nook", null);
		assertThat(prompts.positive()).startsWith("a furnished bedroom")
			.contains("japandi style")
			.endsWith(", with a reading nook");
		assertThat(prompts.negative()).contains("watermark");
		assertThat(this.catalog.prompts("bedroom", "japandi", null, "no plants").negative()).isEqualTo("no plants");
	}

	@Test
	void bindingWithAMisspelledInputFailsNamingNodeAndInput() throws IOException {
		Path workflow = Files.writeString(this.dir.resolve("w.json"), """
				{"1": {"class_type": "PrimitiveInt", "inputs": {"value": 1}},
				 "2": {"class_type": "SaveImage", "inputs": {"images": ["1", 0], "filename_prefix": "x"}}}""");
		Path binding = Files.writeString(this.dir.resolve("w.binding.json"), """
				{"format_version": 1, "id": "broken", "workflow": "%s", "output_nodes": ["2"],
				 "parameters": {"seed": {"kind": "int", "targets": [{"node": "1", "input": "valu"}]}}}"""
			.formatted(workflow.toUri()));
		assertThatIllegalStateException()
			.isThrownBy(() -> new WorkflowCatalog(new DefaultResourceLoader(),
					new CatalogProperties("classpath:workflows/", List.of(binding.toUri().toString()))))
			.withMessage("broken: parameter seed: node 1 has no input 'valu'");
	}

}
