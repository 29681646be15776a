package io.vstage.systemtests;

import java.awt.Color;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staging app against the real suite: jobs from upload to download, batch, cancel,
 * limits.
 */
class StagingBrowserTests {

	@RegisterExtension
	static final BrowserSession session = new BrowserSession();

	/** A 1×1 PNG. */
	private static final String TINY_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

	private static Browser browser;

	private static Suite suite;

	@BeforeAll
	static void useSession() {
		suite = session.suite();
		browser = session.browser();
	}

	private static StagingPage signedIn(String name, int quota) {
		SuiteApi.IssuedKey key = suite.api().createKey(suite.superAdminKey(), name, "user", quota);
		return new StagingPage(browser).open().signIn(key.secret());
	}

	@Test
	void aJobRunsFromUploadToDownloadWithLiveProgress() {
		StagingPage page = signedIn("full-job-user", 20);
		page.choosePhotos(Photos.emptyRoom("living-room", new Color(225, 222, 214)));
		browser.visible("#previews .preview img", StagingPage.QUICK);
		page.style("scandinavian").variations(2).submit();

		WebElement job = page.job();
		// progress is seen live: some bar between 0 and 100 before the job completes
		AtomicInteger highest = new AtomicInteger();
		browser.waiting(StagingPage.JOB).until((d) -> {
			// read in one go: the bars are redrawn on every event
			List<?> values = (List<?>) browser.script("return [...document.querySelectorAll('.job .bar progress')]"
					+ ".map((p) => p.value).filter((v) => v > 0 && v < 100)");
			values.forEach((v) -> highest.set(Math.max(highest.get(), ((Number) v).intValue())));
			return highest.get() > 0 || "completed".equals(job.getAttribute("data-status"));
		});
		assertThat(highest.get()).as("a progress value between 0 and 100 was shown").isBetween(1, 99);
		if (browser.findAll(".job .badge.simulated").stream().noneMatch(WebElement::isDisplayed)) {
			throw new AssertionError("the simulated engine badge is not shown");
		}
		browser.screenshots("staging-job-running");

		page.awaitJobStatus("completed");
		List<WebElement> results = page.results();
		assertThat(results).hasSize(2);
		assertThat(results.get(0).findElement(By.cssSelector(".seed")).getText()).matches("Seed \\d+");
		WebElement png = results.get(0).findElement(By.cssSelector("a.download-png"));
		assertThat(png.getAttribute("download"))
			.matches("staged-living-room-scandinavian-[0-9a-f-]{8}-1-seed\\d+\\.png");
		HttpResponse<byte[]> file = suite.api().download(png.getAttribute("href"));
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).startsWith(0x89, 'P', 'N', 'G');
		WebElement jpeg = results.get(0).findElement(By.cssSelector("a.download-jpeg"));
		assertThat(jpeg.getAttribute("download")).endsWith(".jpg");
		assertThat(suite.api().download(jpeg.getAttribute("href")).body()).startsWith(0xff, 0xd8, 0xff);
		browser.screenshots("staging-results");
	}

	@Test
	void theComparisonSliderAndTheFullscreenViewerWorkFromTheKeyboard() {
		StagingPage page = signedIn("slider-user", 20);
		page.choosePhotos(Photos.emptyRoom("bedroom", new Color(214, 226, 222)));
		page.variations(2).submit();
		page.awaitJobStatus("completed");
		WebElement range = browser.visible(".job .result .compare-range", StagingPage.QUICK);
		range.sendKeys(Keys.HOME);
		assertThat(range.getAttribute("value")).isEqualTo("0");
		String clip = (String) browser
			.script("return arguments[0].closest('.result').querySelector('.after').style.clipPath", range);
		assertThat(clip).contains("0%");
		range.sendKeys(Keys.END);
		assertThat(range.getAttribute("value")).isEqualTo("100");

		page.results().get(0).findElement(By.cssSelector("button[aria-label^='Show variation 1']")).click();
		WebElement caption = browser.visible("#viewer-caption", StagingPage.QUICK);
		assertThat(caption.getText()).contains("1 of 2");
		browser.find("#viewer").sendKeys(Keys.ARROW_RIGHT);
		assertThat(caption.getText()).contains("2 of 2");
		browser.find("#viewer-next").click();
		assertThat(caption.getText()).contains("1 of 2");
		browser.screenshots("staging-fullscreen");
		browser.find("#viewer-close").click();
		assertThat(browser.find("#viewer").isDisplayed()).isFalse();
	}

	@Test
	void aBatchOfTwoPhotosGivesResultsForEach() {
		StagingPage page = signedIn("batch-user", 20);
		page.choosePhotos(Photos.emptyRoom("batch-a", new Color(230, 220, 200)),
				Photos.emptyRoom("batch-b", new Color(200, 215, 235)));
		assertThat(browser.findAll("#previews .preview")).hasSize(2);
		page.variations(1).submit();
		page.awaitJobStatus("completed");
		// the results are drawn just after the status changes: wait for both, not for the
		// first
		browser.waiting(StagingPage.QUICK).until((d) -> page.results().size() == 2);
		List<WebElement> results = page.results();
		assertThat(results).hasSize(2);
		List<String> befores = results.stream()
			.map((r) -> r.findElement(By.cssSelector("img.before")).getAttribute("src"))
			.toList();
		assertThat(befores).doesNotHaveDuplicates();
	}

	@Test
	void aJobBehindAnotherShowsItsQueuePosition() {
		StagingPage page = signedIn("queue-user", 20);
		page.choosePhotos(Photos.emptyRoom("queue-a", new Color(232, 226, 214)));
		page.variations(4).submit();
		String first = page.job().getAttribute("data-job-id");
		browser.waiting(StagingPage.QUICK).until((d) -> browser.findAll("#previews .preview").isEmpty());
		page.choosePhotos(Photos.emptyRoom("queue-b", new Color(214, 226, 232)));
		page.variations(1).submit();
		browser.waiting(StagingPage.QUICK).until((d) -> !first.equals(page.job().getAttribute("data-job-id")));
		WebElement second = page.job();
		// the engine is busy with the first job's four images: the second waits its turn
		assertThat(second.getAttribute("data-status")).isEqualTo("queued");
		assertThat(second.findElement(By.cssSelector(".queue-position")).getText())
			.matches("Waiting in the queue: position \\d+\\.");
		browser.screenshots("staging-queued");
		page.awaitJobStatus("completed");
	}

	@Test
	void aJobCanBeCancelled() {
		StagingPage page = signedIn("cancel-user", 20);
		page.choosePhotos(Photos.emptyRoom("cancel", new Color(220, 220, 220)));
		page.variations(4).submit();
		WebElement cancel = browser.visible(".job .cancel-job", StagingPage.QUICK);
		cancel.click();
		WebElement job = page.awaitJobStatus("cancelled");
		assertThat(job.findElement(By.cssSelector(".message.error")).getText()).contains("cancelled");
		assertThat(job.findElement(By.cssSelector(".cancel-job")).isDisplayed()).isFalse();
	}

	@Test
	void anExhaustedQuotaIsExplainedWithTheResetTime() {
		SuiteApi.IssuedKey key = suite.api().createKey(suite.superAdminKey(), "quota-user", "user", 2);
		StagingPage page = new StagingPage(browser).open().signIn(key.secret());
		// the quota is spent elsewhere (another client of the same key) after the page
		// read it
		SuiteApi.Answer spent = suite.api().submitJob(key.secret(), Photos.emptyRoom("quota", Color.LIGHT_GRAY), 2);
		assertThat(spent.status()).isEqualTo(202);
		page.choosePhotos(Photos.emptyRoom("quota", Color.LIGHT_GRAY));
		page.variations(1).submit();
		assertThat(page.formError()).startsWith("Daily quota reached").contains("resets");
		browser.screenshots("staging-quota-exhausted");
	}

	@Test
	void aFileThatIsNotAnImageIsRejectedBeforeUpload() {
		StagingPage page = signedIn("reject-user", 20);
		page.choosePhotos(Photos.notAnImage());
		WebElement rejection = browser.visible("#rejections li", StagingPage.QUICK);
		assertThat(rejection.getText()).contains("notes.jpg").contains("not a JPEG, PNG or WebP image");
		assertThat(browser.findAll("#previews .preview")).isEmpty();
		page.submit();
		assertThat(page.formError()).isEqualTo("Choose at least one room photo.");
	}

	@Test
	void moreLikeThisStartsAJobWithTheSameSettingsAndNewSeeds() {
		StagingPage page = signedIn("more-user", 20);
		page.choosePhotos(Photos.emptyRoom("more", new Color(226, 230, 221)));
		page.style("japandi").variations(1).submit();
		WebElement first = page.awaitJobStatus("completed");
		String firstId = first.getAttribute("data-job-id");
		String firstSeed = first.findElement(By.cssSelector(".result .seed")).getText();
		first.findElement(By.cssSelector(".more-like-this")).click();
		browser.waiting(StagingPage.QUICK).until((d) -> !firstId.equals(page.job().getAttribute("data-job-id")));
		WebElement second = page.awaitJobStatus("completed");
		assertThat(second.findElement(By.cssSelector("h3")).getText()).isEqualTo("Living room · Japandi");
		assertThat(second.findElement(By.cssSelector(".result .seed")).getText()).isNotEqualTo(firstSeed);
		assertThat(browser.findAll("#jobs .job")).hasSize(2);
	}

	@Test
	void aPhotoTheBackendRefusesIsExplained() {
		StagingPage page = signedIn("truncated-user", 20);
		page.choosePhotos(Photos.truncatedJpeg());
		browser.visible("#previews .preview", StagingPage.QUICK);
		page.variations(1).submit();
		assertThat(page.formError()).startsWith("Photo refused:");
		assertThat(browser.findAll("#jobs .job")).isEmpty();
	}

	@Test
	void theRateLimitIsExplainedWithTheWait() {
		SuiteApi.IssuedKey key = suite.api().createKey(suite.superAdminKey(), "slow-user", "user", 20, 3);
		StagingPage page = new StagingPage(browser).open().signIn(key.secret());
		// sign-in used the three requests of this minute (me, catalogue, history)
		browser.find("#history-refresh").click();
		WebElement message = browser.visible("#history-message", StagingPage.QUICK);
		assertThat(message.getText()).contains("Too many requests").containsPattern("Try again in \\d+ s");
		assertThat(page.keyState()).isEqualTo("valid");
	}

	@Test
	void droppedFilesArePreviewedOrRejectedWithTheReason() {
		signedIn("drop-user", 20);
		// a real drop event with a DataTransfer, as the browser fires it when files are
		// dragged in
		browser.script(
				"""
						const png = Uint8Array.from(atob(arguments[0]), (c) => c.charCodeAt(0));
						const huge = new Uint8Array(21 * 1024 * 1024);
						huge.set([0xff, 0xd8, 0xff, 0xe0]);
						const files = new DataTransfer();
						files.items.add(new File([png], 'dropped.png', { type: 'image/png' }));
						files.items.add(new File([huge], 'huge.jpg', { type: 'image/jpeg' }));
						document.querySelector('#dropzone').dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
						""",
				TINY_PNG);
		WebElement preview = browser.visible("#previews .preview", StagingPage.QUICK);
		assertThat(preview.getText()).contains("dropped.png");
		assertThat(browser.findAll("#previews .preview")).hasSize(1);
		assertThat(browser.visible("#rejections li", StagingPage.QUICK).getText()).contains("huge.jpg")
			.contains("too large")
			.contains("the limit is 20.0 MB");
	}

	@Test
	void aFinishedJobReopensFromTheHistory() {
		StagingPage page = signedIn("history-user", 20);
		page.choosePhotos(Photos.emptyRoom("history", new Color(235, 228, 215)));
		page.variations(1).submit();
		String id = page.awaitJobStatus("completed").getAttribute("data-job-id");
		WebElement item = browser.visible("#history .history-item[data-job-id='" + id + "']", Duration.ofSeconds(15));
		assertThat(item.findElement(By.cssSelector("img.thumb")).getAttribute("src"))
			.contains("/api/v1/staging/files/");
		browser.screenshots("staging-history");

		browser.driver().navigate().refresh();
		page.awaitKeyState("valid");
		browser.visible("#history .history-item[data-job-id='" + id + "'] button", Duration.ofSeconds(15)).click();
		WebElement reopened = browser.visible("#jobs .job[data-job-id='" + id + "']", StagingPage.QUICK);
		assertThat(reopened.getAttribute("data-status")).isEqualTo("completed");
		assertThat(reopened.findElements(By.cssSelector(".result"))).hasSize(1);
	}

}
