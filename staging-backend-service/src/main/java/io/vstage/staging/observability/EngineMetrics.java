package io.vstage.staging.observability;

import java.net.URI;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.vstage.staging.engine.EngineInstance;
import io.vstage.staging.engine.EnginePool;

import org.springframework.stereotype.Component;

/**
 * Per ComfyUI instance, tagged {@code engine} with its URL (without any user info):
 * prompts in flight ({@code vstage.engine.inflight}, i.e. the depth of its queue we
 * fill), that number over {@code max-inflight} ({@code vstage.engine.utilisation}) and
 * whether it passes its health check ({@code vstage.engine.healthy}, 1 or 0).
 */
@Component
class EngineMetrics implements MeterBinder {

	private final EnginePool pool;

	EngineMetrics(EnginePool pool) {
		this.pool = pool;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (EngineInstance instance : this.pool.instances()) {
			String engine = label(instance.url());
			Gauge.builder("vstage.engine.inflight", instance, EngineInstance::inflight)
				.description("Prompts this backend has on the engine")
				.tag("engine", engine)
				.register(registry);
			Gauge.builder("vstage.engine.utilisation", instance, this::utilisation)
				.description("Prompts in flight over the most the backend puts on one engine")
				.tag("engine", engine)
				.register(registry);
			Gauge.builder("vstage.engine.healthy", instance, (i) -> i.isHealthy() ? 1 : 0)
				.description("1 when the engine passes its health check")
				.tag("engine", engine)
				.register(registry);
		}
	}

	private double utilisation(EngineInstance instance) {
		int max = this.pool.maxInflight();
		return (max > 0) ? (double) instance.inflight() / max : 0;
	}

	// an engine URL may carry credentials; they never go into a label
	static String label(URI url) {
		if (url.getHost() == null) {
			return url.toString();
		}
		String port = (url.getPort() != -1) ? ":" + url.getPort() : "";
		String path = (url.getPath() != null) ? url.getPath() : "";
		return url.getScheme() + "://" + url.getHost() + port + path;
	}

}
