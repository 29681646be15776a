package io.vstage.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.vstage.simulator.execution.FaultPlan;

/**
 * Faults to inject at run time, for clients' resilience tests; all can change while
 * running.
 */
public final class Faults implements FaultPlan {

	private final Map<String, InjectedError> nodeErrors = new ConcurrentHashMap<>();

	private final Map<String, InjectedError> classErrors = new ConcurrentHashMap<>();

	private final Set<String> dropAt = ConcurrentHashMap.newKeySet();

	private final long defaultMaxUploadBytes;

	private volatile Duration historyDelay = Duration.ZERO;

	private volatile Duration extraNodeDelay = Duration.ZERO;

	private volatile long maxUploadBytes;

	private volatile boolean reconnectHazard;

	private final boolean defaultConfigured;

	private volatile boolean uploadLimitConfigured;

	Faults(long maxUploadBytes, boolean configured) {
		this.defaultMaxUploadBytes = maxUploadBytes;
		this.maxUploadBytes = maxUploadBytes;
		this.defaultConfigured = configured;
		this.uploadLimitConfigured = configured;
	}

	/** Node {@code nodeId} raises {@code RuntimeError} when it runs. */
	public Faults failNode(String nodeId) {
		return failNode(nodeId, "RuntimeError", "Simulated failure at node " + nodeId);
	}

	/**
	 * Node {@code nodeId} raises the given Python exception type and message when it
	 * runs.
	 */
	public Faults failNode(String nodeId, String exceptionType, String message) {
		this.nodeErrors.put(nodeId, new InjectedError(exceptionType, message));
		return this;
	}

	/** Every node of this class raises {@code RuntimeError} when it runs. */
	public Faults failClass(String classType) {
		this.classErrors.put(classType, new InjectedError("RuntimeError", "Simulated failure in " + classType));
		return this;
	}

	/**
	 * Drops the submitter's WebSocket (no close frame) when node {@code nodeId} starts;
	 * execution goes on.
	 */
	public Faults dropWebSocketAtNode(String nodeId) {
		this.dropAt.add(nodeId);
		return this;
	}

	/** Delays the history write after the outcome message. */
	public Faults delayHistoryWrite(Duration delay) {
		this.historyDelay = delay;
		return this;
	}

	/** Makes every executed node slower by this much (slow runs, deadlines). */
	public Faults slowNodes(Duration extra) {
		this.extraNodeDelay = extra;
		return this;
	}

	/** Caps every request body: at this size or more the reply is aiohttp's 413. */
	public Faults maxUploadBytes(long bytes) {
		this.maxUploadBytes = bytes;
		this.uploadLimitConfigured = true;
		return this;
	}

	/**
	 * Reproduces ComfyUI's same-id reconnect bug: the old socket's close unregisters the
	 * new one.
	 */
	public Faults reconnectHazard(boolean on) {
		this.reconnectHazard = on;
		return this;
	}

	/** Removes every fault. */
	public Faults clear() {
		this.nodeErrors.clear();
		this.classErrors.clear();
		this.dropAt.clear();
		this.historyDelay = Duration.ZERO;
		this.extraNodeDelay = Duration.ZERO;
		this.maxUploadBytes = this.defaultMaxUploadBytes;
		this.uploadLimitConfigured = this.defaultConfigured;
		this.reconnectHazard = false;
		return this;
	}

	/** The current body limit in bytes. */
	public long maxUploadBytes() {
		return this.maxUploadBytes;
	}

	/**
	 * Whether the limit was configured, which ComfyUI's {@code /features} shows as a
	 * float.
	 */
	boolean uploadLimitConfigured() {
		return this.uploadLimitConfigured;
	}

	boolean reconnectHazard() {
		return this.reconnectHazard;
	}

	@Override
	public Optional<InjectedError> errorAt(String nodeId, String classType) {
		return Optional.ofNullable(this.nodeErrors.get(nodeId))
			.or(() -> Optional.ofNullable(this.classErrors.get(classType)));
	}

	@Override
	public boolean dropSocketsAt(String nodeId, String classType) {
		return this.dropAt.contains(nodeId);
	}

	@Override
	public Duration historyDelay() {
		return this.historyDelay;
	}

	@Override
	public Duration extraNodeDelay() {
		return this.extraNodeDelay;
	}

}
