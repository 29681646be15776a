package io.vstage.systemtests;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/** The admin console at {@code /admin}, as an admin sees and drives it. */
final class AdminPage {

	static final Duration QUICK = Duration.ofSeconds(10);

	private final Browser browser;

	AdminPage(Browser browser) {
		this.browser = browser;
	}

	AdminPage open() {
		this.browser.open("/admin");
		return this;
	}

	/** Signs in and waits until the keys table has loaded. */
	AdminPage signIn(String key) {
		WebElement input = this.browser.find("#api-key");
		input.clear();
		input.sendKeys(key);
		this.browser.waiting(QUICK).until((d) -> "valid".equals(keyState()));
		this.browser.visible("#keys-body tr", QUICK);
		return this;
	}

	String keyState() {
		return this.browser.find("#key-status").getAttribute("data-state");
	}

	WebElement row(String keyId) {
		return this.browser.visible("#keys-body tr[data-key-id='" + keyId + "']", QUICK);
	}

	/** The id of the key listed under that name, once the table shows it. */
	String keyIdNamed(String name) {
		// read in one script: the table is redrawn after every change
		return this.browser.waiting(QUICK)
			.until((d) -> (String) this.browser.script(
					"return [...document.querySelectorAll('#keys-body tr')].find((tr) => "
							+ "tr.querySelector('.key-name')?.textContent === arguments[0])?.dataset.keyId ?? null",
					name));
	}

	/**
	 * Presses a button in the key's row, finding the row again if the table was redrawn
	 * meanwhile.
	 */
	void pressInRow(String keyId, String text) {
		this.browser.waiting(QUICK).ignoring(StaleElementReferenceException.class).until((d) -> {
			press(row(keyId), text);
			return true;
		});
	}

	void tab(String name) {
		this.browser.find("#tab-" + name).click();
	}

	/** The open modal dialog. */
	WebElement dialog() {
		return this.browser.visible("dialog[open]", QUICK);
	}

	void fill(WebElement dialog, String label, String value) {
		WebElement field = dialog.findElements(By.cssSelector("label"))
			.stream()
			.filter((l) -> l.getText().startsWith(label))
			.findFirst()
			.map((l) -> dialog.findElement(By.id(l.getAttribute("for"))))
			.orElseThrow(() -> new AssertionError("no field labelled " + label));
		field.clear();
		field.sendKeys(value);
	}

	void press(WebElement scope, String text) {
		List<WebElement> buttons = scope.findElements(By.cssSelector("button"));
		buttons.stream()
			.filter((b) -> b.getText().equals(text) && b.isDisplayed())
			.findFirst()
			.orElseThrow(() -> new AssertionError("no button " + text))
			.click();
	}

	String message() {
		return this.browser.visible("#keys-message", QUICK).getText();
	}

}
