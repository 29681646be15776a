package io.vstage.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.logging.LogType;

/**
 * One browser per test class against the shared suite; on a failed test it saves a
 * screenshot, the page's HTML and the browser console to {@code target/failures/}.
 */
final class BrowserSession implements BeforeAllCallback, AfterAllCallback, TestWatcher {

	private Suite suite;

	private Browser browser;

	Suite suite() {
		return this.suite;
	}

	Browser browser() {
		return this.browser;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		Browser.missingBinaries()
			.ifPresent((missing) -> RequiredOnCi.missing("No browser for the browser tests: " + missing
					+ " not found (apt-get install chromium chromium-driver, or set CHROMIUM_BINARY and CHROMEDRIVER_BINARY)"));
		this.suite = context.getRoot()
			.getStore(ExtensionContext.Namespace.GLOBAL)
			.computeIfAbsent(Suite.class, (type) -> Suite.start(), Suite.class);
		this.browser = new Browser(this.suite.baseUrl());
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		if (this.browser == null) {
			return;
		}
		String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
		try {
			Path dir = Files.createDirectories(Path.of("target", "failures"));
			Files.write(dir.resolve(name + ".png"), this.browser.driver().getScreenshotAs(OutputType.BYTES));
			Files.writeString(dir.resolve(name + ".html"),
					Optional.ofNullable(this.browser.driver().getPageSource()).orElse(""));
			Files.writeString(dir.resolve(name + "-console.txt"),
					this.browser.driver()
						.manage()
						.logs()
						.get(LogType.BROWSER)
						.getAll()
						.stream()
						.map(Object::toString)
						.collect(Collectors.joining("\n")));
		}
		catch (IOException | RuntimeException ex) {
			// evidence is best effort: the test's own failure is what matters
		}
	}

}
