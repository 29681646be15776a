package io.vstage.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

import io.vstage.simulator.catalog.CatalogSnapshot;
import io.vstage.simulator.catalog.ModelLists;
import io.vstage.simulator.execution.Engine;
import io.vstage.simulator.execution.ExecutionSettings;
import io.vstage.simulator.execution.MessageBus;
import io.vstage.simulator.execution.PromptQueue;
import io.vstage.simulator.files.FileStore;
import io.vstage.simulator.http.MiniHttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * One server process lifetime: the sockets, queue, history and worker that a restart
 * throws away.
 */
final class ServerRun {

	private final MessageBus bus;

	private final Engine engine;

	private final MiniHttpServer server;

	ServerRun(SimulatorConfig config, JsonMapper mapper, FileStore files, ModelLists models,
			Supplier<CatalogSnapshot> catalog, Supplier<ExecutionSettings> settings, Faults faults, Timings timings,
			int port) {
		Profile profile = config.profile();
		this.bus = new MessageBus(mapper, () -> InfoEndpoints.features(profile, faults), faults::reconnectHazard);
		PromptQueue queue = new PromptQueue(this.bus, profile == Profile.NEWER);
		this.engine = new Engine(this.bus, queue, files, catalog, settings, faults, timings);
		ServerContext ctx = new ServerContext(mapper, profile, files, models, catalog, queue, this.engine, this.bus,
				faults, timings, config.corsOrigin(), config.v3ComboForm(), config.argv());
		try {
			this.server = new MiniHttpServer(config.host(), port, new ApiRoutes(ctx), faults::maxUploadBytes);
		}
		catch (IOException ex) {
			this.engine.close();
			throw new UncheckedIOException("cannot listen on port " + port, ex);
		}
	}

	int port() {
		return this.server.port();
	}

	void stop() {
		this.server.close();
		this.bus.closeAll();
		this.engine.close();
	}

}
