package io.vstage.staging.engine;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configured ComfyUI instances: health checks, least-loaded selection and one event
 * stream per instance whose events go to the subscribed listeners.
 */
@Component
public class EnginePool implements SmartLifecycle {

	static final String SIMULATOR_MARKER = "comfyui-simulator";

	private final EngineProperties properties;

	private final List<EngineInstance> instances;

	private final List<EngineEventListener> listeners = new CopyOnWriteArrayList<>();

	private ScheduledExecutorService scheduler = newScheduler();

	private final AtomicInteger rotation = new AtomicInteger();

	private volatile boolean running;

	EnginePool(EngineProperties properties, Clock clock) {
		this.properties = properties;
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(properties.requestTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		// Python's json can emit NaN and Infinity (PROTOCOL.md 6.2)
		JsonMapper json = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
		EngineFrames frames = new EngineFrames(json);
		this.instances = properties.urls().stream().map((url) -> {
			String clientId = UUID.randomUUID().toString().replace("-", "");
			EngineInstance instance = new EngineInstance(url, clientId,
					new HttpEngineClient(url, http, json, properties.requestTimeout()), clock);
			URI ws = URI
				.create(url.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + "/ws?clientId=" + clientId);
			instance.attach(
					new EngineEventStream(ws, http, frames, properties, (event) -> publish(instance, event), clock));
			return instance;
		}).toList();
	}

	/** Registers a listener for the events of every instance. */
	public void subscribe(EngineEventListener listener) {
		this.listeners.add(listener);
	}

	public List<EngineInstance> instances() {
		return this.instances;
	}

	public int maxInflight() {
		return this.properties.maxInflight();
	}

	public EngineProperties properties() {
		return this.properties;
	}

	public Optional<EngineInstance> find(String url) {
		return this.instances.stream().filter((instance) -> instance.url().toString().equals(url)).findFirst();
	}

	/** Takes a slot on the healthy instance with the fewest prompts in flight. */
	public Optional<EngineInstance> acquireLeastLoaded() {
		int start = this.rotation.getAndIncrement();
		List<EngineInstance> candidates = java.util.stream.IntStream.range(0, this.instances.size())
			.mapToObj((i) -> this.instances.get(Math.floorMod(start + i, this.instances.size())))
			.filter(EngineInstance::isHealthy)
			.sorted(Comparator.comparingInt(EngineInstance::inflight))
			.toList();
		for (EngineInstance candidate : candidates) {
			if (candidate.tryAcquire(this.properties.maxInflight())) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether every instance has been down longer than the unreachable timeout: new work
	 * would only wait, so it is better refused.
	 */
	public boolean allDown() {
		return this.instances.stream()
			.allMatch((instance) -> instance.unhealthyLongerThan(this.properties.unreachableTimeout()));
	}

	/** Checks every instance now. */
	public void checkHealth() {
		this.instances.forEach(this::checkHealth);
	}

	private void checkHealth(EngineInstance instance) {
		try {
			JsonNode stats = instance.client().systemStats();
			boolean simulated = false;
			for (JsonNode device : stats.path("devices")) {
				simulated |= device.path("name").asString("").contains(SIMULATOR_MARKER);
			}
			boolean wasHealthy = instance.isHealthy();
			instance.healthy(simulated);
			if (!wasHealthy) {
				publish(instance, new EngineEvent.QueueStatus(-1));
			}
		}
		catch (RuntimeException ex) {
			instance.unhealthy(ex.getMessage());
		}
	}

	private static ScheduledExecutorService newScheduler() {
		return Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon().name("engine-", 0).factory());
	}

	private void publish(EngineInstance instance, EngineEvent event) {
		for (EngineEventListener listener : this.listeners) {
			listener.onEvent(instance, event);
		}
	}

	@Override
	public void start() {
		// a cached test context may be stopped and started again, so the scheduler is per
		// start
		if (this.scheduler.isShutdown()) {
			this.scheduler = newScheduler();
		}
		this.running = true;
		checkHealth();
		this.instances.forEach((instance) -> instance.stream().start(this.scheduler));
		long interval = this.properties.healthInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::checkHealth, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		this.running = false;
		this.instances.forEach((instance) -> instance.stream().stop());
		this.scheduler.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
