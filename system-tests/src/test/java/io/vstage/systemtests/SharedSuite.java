package io.vstage.systemtests;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A suite of another layout than the browser tests' one, started once per test JVM for
 * every class that registers this extension with the same layout, and stopped at the end
 * of the run (the root store closes it).
 */
final class SharedSuite implements BeforeAllCallback {

	/**
	 * Gateway, key manager, staging backend and two fast simulators, both in
	 * COMFYUI_URLS: the end-to-end tests' suite.
	 */
	static final Suite.Layout TWO_ENGINES = new Suite.Layout("e2e-", 2, List.of("--prompt-millis", "300"), Map.of(),
			Map.of());

	/**
	 * The trust-model tests' suite: key manager, staging backend and one fast simulator
	 * behind two gateways, both on that one key manager and backend. Gateway 1 takes the
	 * hostile requests; gateway 2 only the failed-authentication flood, whose per-address
	 * lockout would otherwise refuse other classes' unknown keys with 429.
	 */
	static final Suite.Layout TRUST = new Suite.Layout("trust-", 1, List.of("--prompt-millis", "200"), Map.of(),
			Map.of())
		.withReplicas(1, 2);

	private final Suite.Layout layout;

	private Suite suite;

	SharedSuite(Suite.Layout layout) {
		this.layout = layout;
	}

	Suite suite() {
		return this.suite;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.suite = context.getRoot()
			.getStore(ExtensionContext.Namespace.create(SharedSuite.class))
			.computeIfAbsent(this.layout, (layout) -> Suite.start(layout), Suite.class);
	}

}
