package io.vstage.staging.preflight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.vstage.staging.catalog.ModelRef;
import io.vstage.staging.catalog.Workflow;
import io.vstage.staging.catalog.WorkflowCatalog;
import io.vstage.staging.engine.EngineInstance;
import io.vstage.staging.engine.EnginePool;
import io.vstage.staging.engine.EngineUnavailableException;

/**
 * Checks every workflow against every instance ({@code /object_info},
 * {@code /models/{folder}}) on start, every 5 minutes and on demand.
 */
@Component
class Preflight {

	private final EnginePool pool;

	private final WorkflowCatalog catalog;

	private final Map<String, Map<String, WorkflowCheck>> results = new ConcurrentHashMap<>();

	Preflight(EnginePool pool, WorkflowCatalog catalog) {
		this.pool = pool;
		this.catalog = catalog;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		Thread.ofVirtual().start(this::checkAll);
	}

	@Scheduled(initialDelay = 300_000, fixedDelay = 300_000)
	void checkAll() {
		this.pool.instances().forEach(this::check);
	}

	Map<String, WorkflowCheck> results(EngineInstance instance) {
		return this.results.getOrDefault(instance.url().toString(), Map.of());
	}

	/** Whether at least one instance passed the default workflow's check. */
	boolean canRunDefaultWorkflow() {
		String workflow = this.catalog.defaultWorkflow();
		return this.results.values().stream().anyMatch((checks) -> {
			WorkflowCheck check = checks.get(workflow);
			return check != null && check.ok();
		});
	}

	Map<String, WorkflowCheck> check(EngineInstance instance) {
		Map<String, WorkflowCheck> checks = new LinkedHashMap<>();
		try {
			Set<String> classes = instance.client().nodeClasses();
			Map<String, List<String>> models = new HashMap<>();
			for (Workflow workflow : this.catalog.workflows()) {
				List<String> missingNodes = workflow.nodeClasses()
					.stream()
					.filter((name) -> !classes.contains(name))
					.sorted()
					.toList();
				List<ModelRef> missingModels = new ArrayList<>();
				for (ModelRef model : workflow.models()) {
					List<String> files = models.computeIfAbsent(model.folder(), instance.client()::models);
					if (!files.contains(model.name())) {
						missingModels.add(model);
					}
				}
				boolean ok = missingNodes.isEmpty() && missingModels.isEmpty();
				checks.put(workflow.id(),
						new WorkflowCheck(ok, missingNodes, missingModels, ok ? "" : "missing parts"));
			}
		}
		catch (EngineUnavailableException ex) {
			for (Workflow workflow : this.catalog.workflows()) {
				checks.put(workflow.id(),
						new WorkflowCheck(false, List.of(), List.of(), "unreachable: " + ex.getMessage()));
			}
		}
		this.results.put(instance.url().toString(), checks);
		return checks;
	}

}
