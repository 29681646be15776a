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
