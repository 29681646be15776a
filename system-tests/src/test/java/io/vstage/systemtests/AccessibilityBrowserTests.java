package io.vstage.systemtests;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each screen audited by axe-core (no serious or critical violation), its first-load
 * weight (under 300 KB, no other host) and its console (no Content-Security-Policy
 * violation).
 */
class AccessibilityBrowserTests {

	private static final long PAGE_BUDGET_BYTES = 300 * 1024;

	@RegisterExtension
	static final BrowserSession session = new BrowserSession();

	private static Browser browser;

	private static Suite suite;

	@BeforeAll
	static void useSession() {
		suite = session.suite();
		browser = session.browser();
	}

	private static void assertAccessible(String screen) {
		assertThat(browser.seriousAccessibilityViolations()).as("axe-core on " + screen).isEmpty();
	}

	private static void assertNoPolicyViolation() {
		List<String> errors = browser.driver()
			.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy") || message.contains("Uncaught"))
			.toList();
		assertThat(errors).isEmpty();
	}

	@Test
	void theStagingAppIsAccessibleBeforeAndAfterSignIn() {
		StagingPage page = new StagingPage(browser).open();
		assertAccessible("the key entry");
		SuiteApi.IssuedKey key = suite.api().createKey(suite.superAdminKey(), "a11y-user", "user", 20);
		page.signIn(key.secret());
		page.choosePhotos(Photos.emptyRoom("a11y", new Color(228, 224, 218)));
		page.variations(1).submit();
		page.awaitJobStatus("completed");
		assertAccessible("the staging app with a finished job");
		browser.find(".job .result button").click();
		browser.visible("#viewer", StagingPage.QUICK);
		assertAccessible("the fullscreen viewer");
		assertNoPolicyViolation();
	}

	@Test
	void theAdminConsoleIsAccessibleOnEveryTab() {
		AdminPage console = new AdminPage(browser).open();
		assertAccessible("the console's key entry");
		console.signIn(suite.superAdminKey());
		assertAccessible("the keys table");
		browser.find("#create-key").click();
		console.dialog();
		assertAccessible("the create-key dialog");
		console.press(console.dialog(), "Cancel");
		console.tab("usage");
		browser.find("#usage-form button[type=submit]").click();
		browser.visible("#usage-chart svg", AdminPage.QUICK);
		assertAccessible("the usage tab");
		console.tab("audit");
		browser.visible("#audit-body tr", AdminPage.QUICK);
		assertAccessible("the audit tab");
		console.tab("engines");
		browser.visible("#engines .engine", AdminPage.QUICK);
		assertAccessible("the engines tab");
		assertNoPolicyViolation();
	}

	@Test
	@SuppressWarnings("unchecked")
	void eachPageLoadsUnder300KbFromItsOwnOriginOnly() {
		for (String path : List.of("/", "/admin")) {
			browser.open(path);
			browser.visible("#api-key", StagingPage.QUICK);
			List<Map<String, Object>> resources = (List<Map<String, Object>>) browser.script(
					"return [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]"
							+ ".map((e) => ({name: e.name, size: e.transferSize || e.encodedBodySize || 0}))");
			long total = resources.stream().mapToLong((r) -> ((Number) r.get("size")).longValue()).sum();
			assertThat(total).as("bytes transferred for " + path).isPositive().isLessThan(PAGE_BUDGET_BYTES);
			assertThat(resources).allSatisfy((r) -> assertThat((String) r.get("name")).startsWith(suite.baseUrl()));
		}
	}

}
