package io.vstage.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The admin console against the real suite: key life cycle, roles, markup in data,
 * engines.
 */
class AdminBrowserTests {

	@RegisterExtension
	static final BrowserSession session = new BrowserSession();

	private static Browser browser;

	private static Suite suite;

	@BeforeAll
	static void useSession() {
		suite = session.suite();
		browser = session.browser();
	}

	@Test
	void aKeyCreatedByAnAdminWorksUntilRevokedThenIsRefusedWithin2Seconds() {
		SuiteApi.IssuedKey admin = suite.api().createKey(suite.superAdminKey(), "lifecycle-admin", "admin", 100);
		AdminPage console = new AdminPage(browser).open().signIn(admin.secret());
		browser.find("#create-key").click();
		WebElement create = console.dialog();
		console.fill(create, "Name", "Lifecycle user");
		console.fill(create, "Owner email", "lifecycle@example.com");
		console.fill(create, "Images per day", "25");
		assertThat(create.findElements(By.cssSelector("select option")).stream().map(WebElement::getText).toList())
			.containsExactly("user");
		console.press(create, "Create key");
		WebElement shown = browser.visible("dialog[open] .secret-value", AdminPage.QUICK);
		String secret = shown.getAttribute("value");
		assertThat(secret).startsWith("vsk_");
		assertThat(browser.find("dialog[open] .message.warning").getText()).contains("only time");
		browser.screenshots("admin-secret-once");
		console.press(console.dialog(), "I have stored the key");
		String keyId = console.keyIdNamed("Lifecycle user");
		String adminTab = browser.driver().getWindowHandle();

		browser.driver().switchTo().newWindow(WindowType.TAB);
		StagingPage staging = new StagingPage(browser).open().signIn(secret);
		assertThat(staging.keyStatusText()).contains("25 of 25");
		String stagingTab = browser.driver().getWindowHandle();

		browser.driver().switchTo().window(adminTab);
		console.pressInRow(keyId, "Revoke");
		WebElement confirm = console.dialog();
		assertThat(confirm.getText()).contains("stops working on every gateway within 2 seconds");
		console.press(confirm, "Revoke key");
		browser.waiting(AdminPage.QUICK).until((d) -> console.message().contains("revoked"));
		Instant revoked = Instant.now();

		browser.driver().switchTo().window(stagingTab);
		// the app asks again (a history refresh is a request with the key) until the key
		// is refused
		browser.waiting(Duration.ofSeconds(5)).until((d) -> {
			if (!"invalid".equals(staging.keyState())) {
				browser.find("#history-refresh").click();
			}
			return "invalid".equals(staging.keyState());
		});
		assertThat(Duration.between(revoked, Instant.now())).isLessThan(Duration.ofSeconds(2));
		assertThat(staging.appShown()).isFalse();
		assertThat(staging.keyStatusText()).startsWith("Invalid key:");
		browser.driver().close();
		browser.driver().switchTo().window(adminTab);
	}

	@Test
	void anAdminDoesNotSeeTheSuperAdminParts() {
		SuiteApi.IssuedKey admin = suite.api().createKey(suite.superAdminKey(), "plain-admin", "admin", 100);
		SuiteApi.IssuedKey own = suite.api().createKey(admin.secret(), "made-by-plain-admin", "user", 10);
		AdminPage console = new AdminPage(browser).open().signIn(admin.secret());
		assertThat(browser.find("#tab-audit").isDisplayed()).isFalse();
		assertThat(browser.find("#panel-audit").isDisplayed()).isFalse();
		WebElement row = console.row(own.id());
		assertThat(row.findElements(By.cssSelector("button")).stream().map(WebElement::getText).toList())
			.contains("Edit", "Rotate", "Revoke")
			.doesNotContain("Delete");
		assertThat(browser.findAll("#keys-body button").stream().map(WebElement::getText)).doesNotContain("Delete");
		browser.screenshots("admin-as-admin");
	}

	@Test
	void aUserKeyIsRefusedByTheConsole() {
		SuiteApi.IssuedKey user = suite.api().createKey(suite.superAdminKey(), "console-user", "user", 10);
		AdminPage console = new AdminPage(browser).open();
		assertThat(browser.find("#api-key").getAttribute("value")).isEmpty();
		browser.find("#api-key").sendKeys(user.secret());
		browser.waiting(AdminPage.QUICK).until((d) -> "forbidden".equals(console.keyState()));
		assertThat(browser.find("#key-status").getText()).contains("role user").contains("admin");
		assertThat(browser.find("#app").isDisplayed()).isFalse();
	}

	@Test
	void markupInAKeyNameIsShownAsTextAndRunsNothing() {
		String name = "<img src=x onerror=alert(1)>";
		SuiteApi.IssuedKey key = suite.api().createKey(suite.superAdminKey(), name, "user", 10);
		AdminPage console = new AdminPage(browser).open().signIn(suite.superAdminKey());
		WebElement row = console.row(key.id());
		assertThat(row.findElement(By.cssSelector(".key-name")).getText()).isEqualTo(name);
		assertThat(browser.findAll("#keys-body img")).isEmpty();
		assertThat(browser.script("return document.querySelectorAll('img[src=\"x\"]').length")).isEqualTo(0L);
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> browser.driver().switchTo().alert());
	}

	/** A figure of the usage panel, read in one go (the panel may redraw meanwhile). */
	private static long usageStat(String term) {
		List<String> stats = browser.texts("#usage-stats .stat");
		return stats.stream()
			.filter((stat) -> stat.startsWith(term))
			.map((stat) -> Long.parseLong(stat.substring(term.length()).strip()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no usage figure " + term + " in " + stats));
	}

	@Test
	void theSuperAdminSeesUsageAuditAndEngines() {
		SuiteApi.IssuedKey key = suite.api().createKey(suite.superAdminKey(), "usage-user", "user", 10);
		suite.api().json("GET", "/api/v1/me", key.secret(), null);
		AdminPage console = new AdminPage(browser).open().signIn(suite.superAdminKey());
		browser.screenshots("admin-keys");
		console.pressInRow(key.id(), "Usage");
		browser.visible("#usage-chart svg", AdminPage.QUICK);
		List<WebElement> stats = browser.findAll("#usage-stats .stat dd");
		assertThat(stats).hasSize(5);
		browser.screenshots("admin-usage");
		// totals over every key, summed by the key manager: this key's request among them
		// once the gateway has reported it
		new Select(browser.find("#usage-key")).selectByValue("");
		Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			console.press(browser.find("#usage-form"), "Show usage");
			assertThat(browser.find("#usage-message").isDisplayed()).isFalse();
			assertThat(browser.texts("#usage-scope")).singleElement().asString().startsWith("Totals over every key");
			assertThat(usageStat("Requests")).isPositive();
		});

		console.tab("audit");
		WebElement audit = browser.visible("#audit-body tr", AdminPage.QUICK);
		assertThat(browser.findAll("#audit-body tr").stream().map(WebElement::getText))
			.anyMatch((text) -> text.contains(key.id()));
		assertThat(audit.getText()).isNotBlank();
		browser.screenshots("admin-audit");

		console.tab("engines");
		WebElement engine = browser.visible("#engines .engine", AdminPage.QUICK);
		assertThat(engine.getText()).contains(suite.simulatorUrl()).contains("Healthy").contains("Simulated engine");
		assertThat(engine.findElement(By.cssSelector(".preflight")).getText()).contains("joger");
		browser.screenshots("admin-engines");
	}

}
