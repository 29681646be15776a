package io.vstage.systemtests;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The super admin's key management in the console: filters, edit, rotate, delete, audit
 * filter.
 */
class KeyManagementBrowserTests {

	@RegisterExtension
	static final BrowserSession session = new BrowserSession();

	private static Browser browser;

	private static Suite suite;

	@BeforeAll
	static void useSession() {
		suite = session.suite();
		browser = session.browser();
	}

	private static List<String> listedIds() {
		return browser.attributes("#keys-body tr[data-key-id]", "data-key-id");
	}

	@Test
	void filtersNarrowTheKeysTable() {
		SuiteApi.IssuedKey admin = suite.api().createKey(suite.superAdminKey(), "filter-admin", "admin", 10);
		SuiteApi.IssuedKey revoked = suite.api().createKey(suite.superAdminKey(), "filter-revoked", "user", 10);
		suite.api().json("POST", "/api/v1/keys/" + revoked.id() + "/revoke", suite.superAdminKey(), null);
		AdminPage console = new AdminPage(browser).open().signIn(suite.superAdminKey());

		new Select(browser.find("#filter-role")).selectByValue("admin");
		browser.find("#key-filters button[type=submit]").click();
		browser.waiting(AdminPage.QUICK)
			.until((d) -> listedIds().contains(admin.id()) && !listedIds().contains(revoked.id()));
		assertThat(browser.texts("#keys-body tr[data-key-id] td:nth-child(3)")).containsOnly("admin");

		new Select(browser.find("#filter-role")).selectByValue("");
		new Select(browser.find("#filter-status")).selectByValue("revoked");
		browser.find("#key-filters button[type=submit]").click();
		browser.waiting(AdminPage.QUICK)
			.until((d) -> listedIds().contains(revoked.id()) && !listedIds().contains(admin.id()));

		new Select(browser.find("#filter-status")).selectByValue("");
		browser.find("#filter-q").sendKeys("filter-adm");
		browser.find("#key-filters button[type=submit]").click();
		browser.waiting(AdminPage.QUICK).until((d) -> listedIds().equals(List.of(admin.id())));
		assertThat(console.keyState()).isEqualTo("valid");
	}

	@Test
	void limitsAreEditedAfterTheDialog() {
		SuiteApi.IssuedKey key = suite.api().createKey(suite.superAdminKey(), "edit-user", "user", 10);
		AdminPage console = new AdminPage(browser).open().signIn(suite.superAdminKey());
		console.pressInRow(key.id(), "Edit");
		WebElement dialog = console.dialog();
		assertThat(dialog.getText()).contains("Changes apply to every gateway within 2 seconds");
		console.fill(dialog, "Requests per minute", "45");
		console.fill(dialog, "Images per day", "77");
		console.press(dialog, "Save changes");
		browser.waiting(AdminPage.QUICK).until((d) -> console.message().contains("updated"));
		browser.waiting(AdminPage.QUICK)
			.until((d) -> (Boolean) browser.script(
					"return document.querySelector(`#keys-body tr[data-key-id='${arguments[0]}']`)?.textContent.includes('45/min · 77/day')",
					key.id()));
		assertThat(suite.api().json("GET", "/api/v1/me", key.secret(), null).body().get("daily_quota").asInt())
			.isEqualTo(77);
	}

	@Test
	void rotationShowsTheNewSecretOnceAndKeepsTheOldOneForTheGracePeriod() {
		SuiteApi.IssuedKey key = suite.api().createKey(suite.superAdminKey(), "rotate-user", "user", 10);
		AdminPage console = new AdminPage(browser).open().signIn(suite.superAdminKey());
		console.pressInRow(key.id(), "Rotate");
		WebElement dialog = console.dialog();
		assertThat(dialog.getText()).contains("keeps working for the grace period");
		console.fill(dialog, "Grace period", "2");
		console.press(dialog, "Rotate key");
		String secret = browser.visible("dialog[open] .secret-value", AdminPage.QUICK).getAttribute("value");
		console.press(console.dialog(), "I have stored the key");
		assertThat(secret).startsWith("vsk_").isNotEqualTo(key.secret());
		assertThat(suite.api().json("GET", "/api/v1/me", secret, null).status()).isEqualTo(200);
		assertThat(suite.api().json("GET", "/api/v1/me", key.secret(), null).status()).isEqualTo(200);
		assertThat(browser.findAll("dialog[open]")).isEmpty();
	}

	@Test
	void theSuperAdminDeletesAKeyAfterConfirming() {
		SuiteApi.IssuedKey key = suite.api().createKey(suite.superAdminKey(), "delete-user", "user", 10);
		AdminPage console = new AdminPage(browser).open().signIn(suite.superAdminKey());
		console.pressInRow(key.id(), "Delete");
		WebElement dialog = console.dialog();
		assertThat(dialog.getText()).contains("delete-user is deleted").contains("cannot be undone");
		console.press(dialog, "Cancel");
		assertThat(console.row(key.id()).isDisplayed()).isTrue();

		console.pressInRow(key.id(), "Delete");
		console.press(console.dialog(), "Delete key");
		browser.waiting(AdminPage.QUICK).until((d) -> !listedIds().contains(key.id()));
		assertThat(suite.api().json("GET", "/api/v1/keys/" + key.id(), suite.superAdminKey(), null).status())
			.isEqualTo(404);
		assertThat(suite.api().json("GET", "/api/v1/me", key.secret(), null).status()).isEqualTo(401);
	}

	@Test
	void theAuditLogFiltersByTarget() {
		SuiteApi.IssuedKey key = suite.api().createKey(suite.superAdminKey(), "audited-user", "user", 10);
		suite.api().json("POST", "/api/v1/keys/" + key.id() + "/revoke", suite.superAdminKey(), null);
		AdminPage console = new AdminPage(browser).open().signIn(suite.superAdminKey());
		console.tab("audit");
		browser.visible("#audit-body tr", AdminPage.QUICK);
		browser.find("#audit-target").sendKeys(key.id());
		browser.find("#audit-filters button[type=submit]").click();
		browser.waiting(AdminPage.QUICK).until((d) -> {
			List<String> targets = browser.texts("#audit-body tr td:nth-child(4)");
			return !targets.isEmpty() && targets.stream().allMatch(key.id()::equals);
		});
		assertThat(browser.texts("#audit-body tr td:nth-child(3)")).contains("key.create", "key.revoke");
	}

}
