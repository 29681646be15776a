package io.vstage.systemtests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The staging app at {@code /}, as a user sees and drives it. */
final class StagingPage {

	static final Duration QUICK = Duration.ofSeconds(10);

	static final Duration JOB = Duration.ofSeconds(90);

	private final Browser browser;

	StagingPage(Browser browser) {
		this.browser = browser;
	}

	StagingPage open() {
		this.browser.open("/");
		return this;
	}

	StagingPage typeKey(String key) {
		WebElement input = this.browser.find("#api-key");
		input.clear();
		input.sendKeys(key);
		return this;
	}

	/** Types the key and waits until the app shows the job form. */
	StagingPage signIn(String key) {
		typeKey(key);
		awaitKeyState("valid");
		this.browser.visible("#style-cards .style-card", QUICK);
		return this;
	}

	String keyState() {
		return this.browser.find("#key-status").getAttribute("data-state");
	}

	String keyStatusText() {
		return this.browser.find("#key-status").getText();
	}

	void awaitKeyState(String state) {
		this.browser.waiting(QUICK).until((d) -> state.equals(keyState()));
	}

	boolean appShown() {
		return this.browser.find("#app").isDisplayed();
	}

	StagingPage choosePhotos(Path... photos) {
		this.browser.find("#photos")
			.sendKeys(Arrays.stream(photos).map(Path::toString).collect(Collectors.joining("\n")));
		return this;
	}

	StagingPage variations(int count) {
		WebElement input = this.browser.find("#variations");
		input.clear();
		input.sendKeys(String.valueOf(count));
		return this;
	}

	StagingPage style(String id) {
		this.browser.find("#style-" + id).click();
		return this;
	}

	StagingPage submit() {
		this.browser.find("#submit-job").click();
		return this;
	}

	/** The newest job card, once it exists. */
	WebElement job() {
		return this.browser.visible("#jobs .job", QUICK);
	}

	WebElement awaitJobStatus(String... statuses) {
		List<String> wanted = List.of(statuses);
		this.browser.waiting(JOB).until((d) -> wanted.contains(job().getAttribute("data-status")));
		return job();
	}

	List<WebElement> results() {
		return job().findElements(By.cssSelector(".result"));
	}

	/** The form's error message, once the form shows one (not the "Uploading…" note). */
	String formError() {
		return this.browser.visible("#form-message.error", QUICK).getText();
	}

}
