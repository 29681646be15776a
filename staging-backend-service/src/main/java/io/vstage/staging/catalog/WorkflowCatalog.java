package io.vstage.staging.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The workflows, room types and styles the backend offers, loaded and checked at
 * start-up.
 */
@Component
public class WorkflowCatalog {

	private final Map<String, Workflow> workflows = new LinkedHashMap<>();

	private final StyleCatalog styles;

	private final String defaultWorkflow;

	WorkflowCatalog(ResourceLoader resources, CatalogProperties properties) {
		WorkflowLoader loader = new WorkflowLoader(resources);
		String location = properties.location().endsWith("/") ? properties.location() : properties.location() + "/";
		JsonNode index = loader.read(resources.getResource(location + "index.json"));
		for (JsonNode entry : index.path("workflows")) {
			Workflow workflow = loader.load(resources.getResource(location + entry.path("binding").asString()));
			this.workflows.put(workflow.id(), workflow);
		}
		for (String extra : properties.extraBindings()) {
			Workflow workflow = loader.load(resources.getResource(extra));
			this.workflows.put(workflow.id(), workflow);
		}
		Resource stylesResource = resources.getResource(location + index.path("styles").asString("styles.yaml"));
		this.styles = StyleCatalog.read(stylesResource);
		this.defaultWorkflow = index.path("default_workflow").asString("joger");
	}

	public Optional<Workflow> workflow(String id) {
		return Optional.ofNullable(this.workflows.get(id));
	}

	public List<Workflow> workflows() {
		return List.copyOf(this.workflows.values());
	}

	public String defaultWorkflow() {
		return this.defaultWorkflow;
	}

	public String defaultRoomType() {
		return this.styles.defaultRoomType();
	}

	public boolean hasRoomType(String id) {
		return this.styles.roomTypes().containsKey(id);
	}

	public boolean hasStyle(String id) {
		return this.styles.styles().containsKey(id);
	}

	/**
	 * Positive prompt: room type, style, then the user's words; negative: the user's or
	 * the default.
	 */
	public Prompts prompts(String roomType, String style, @Nullable String userPrompt, @Nullable String userNegative) {
		String positive = this.styles.roomTypes().get(roomType).prompt() + ", "
				+ this.styles.styles().get(style).prompt();
		if (userPrompt != null && !userPrompt.isBlank()) {
			positive += ", " + userPrompt.strip();
		}
		String negative = (userNegative != null && !userNegative.isBlank()) ? userNegative.strip()
				: this.styles.defaultNegativePrompt();
		return new Prompts(positive, negative);
	}

	List<StyleCatalog.Entry> roomTypes() {
		return List.copyOf(this.styles.roomTypes().values());
	}

	List<StyleCatalog.Entry> styles() {
		return List.copyOf(this.styles.styles().values());
	}

	/** The two prompts of one variation. */
	public record Prompts(String positive, String negative) {

	}

}
