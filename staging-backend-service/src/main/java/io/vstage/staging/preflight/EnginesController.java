package io.vstage.staging.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vstage.staging.engine.EngineInstance;
import io.vstage.staging.engine.EnginePool;
import io.vstage.staging.engine.EngineUnavailableException;
import io.vstage.staging.engine.QueueSnapshot;

/**
 * Admin view of the instances: health, queues, load, and a fresh preflight of every
 * workflow.
 */
@RestController
class EnginesController {

	private final EnginePool pool;

	private final Preflight preflight;

	EnginesController(EnginePool pool, Preflight preflight) {
		this.pool = pool;
		this.preflight = preflight;
	}

	@GetMapping("/api/v1/staging/engines")
	EnginesView engines() {
		List<EngineView> views = new ArrayList<>();
		boolean simulated = false;
		for (EngineInstance instance : this.pool.instances()) {
			Map<String, WorkflowCheck> checks = this.preflight.check(instance);
			Integer running = null;
			Integer pending = null;
			try {
				QueueSnapshot queue = instance.client().queue();
				running = queue.running().size();
				pending = queue.pending().size();
			}
			catch (EngineUnavailableException ex) {
				// reported through healthy and problem
			}
			simulated |= instance.isSimulated();
			views.add(new EngineView(instance.url().toString(), instance.isHealthy(), instance.isSimulated(), running,
					pending, instance.inflight(), instance.problem(), checks));
		}
		return new EnginesView(views, simulated);
	}

	record EnginesView(List<EngineView> engines, boolean engineSimulated) {
	}

	record EngineView(String url, boolean healthy, boolean simulated, @Nullable Integer queueRunning,
			@Nullable Integer queuePending, int inflight, @Nullable String problem,
			Map<String, WorkflowCheck> preflight) {
	}

}
