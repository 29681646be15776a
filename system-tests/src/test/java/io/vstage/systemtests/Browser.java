package io.vstage.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium driven by Selenium, with the helpers the browser tests share:
 * waiting, screenshots at desktop and phone width, and an axe-core audit injected into
 * the page.
 */
final class Browser implements AutoCloseable {

	static final Dimension DESKTOP = new Dimension(1280, 900);

	static final Dimension PHONE = new Dimension(375, 812);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final Path profile;

	private final String baseUrl;

	Browser(String baseUrl) {
		this.baseUrl = baseUrl;
		try {
			this.profile = Files.createTempDirectory("vstage-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// never let Selenium Manager download a browser or driver
		System.setProperty("SE_OFFLINE", "true");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(env("CHROMIUM_BINARY", "/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + this.profile, "--window-size=1280,900");
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		options.setExperimentalOption("prefs", Map.of("download.default_directory",
				Path.of("target", "downloads").toAbsolutePath().toString(), "download.prompt_for_download", false));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(env("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver")).toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().window().setSize(DESKTOP);
	}

	/**
	 * What is missing to run a browser here (Debian's {@code chromium} and
	 * {@code chromium-driver}), if anything.
	 */
	static Optional<String> missingBinaries() {
		String missing = Stream
			.of(env("CHROMIUM_BINARY", "/usr/bin/chromium"), env("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver"))
			.filter((binary) -> !Files.isExecutable(Path.of(binary)))
			.collect(Collectors.joining(", "));
		return missing.isEmpty() ? Optional.empty() : Optional.of(missing);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	ChromeDriver driver() {
		return this.driver;
	}

	/** Opens a path of the suite in a fresh tab state (sessionStorage cleared). */
	void open(String path) {
		// cleared from a page without scripts, so no answer in flight can store a key
		// again
		this.driver.get(this.baseUrl + "/img/favicon.svg");
		((JavascriptExecutor) this.driver).executeScript("sessionStorage.clear()");
		this.driver.get(this.baseUrl + path);
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	List<WebElement> findAll(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	WebDriverWait waiting(Duration timeout) {
		WebDriverWait wait = new WebDriverWait(this.driver, timeout);
		wait.pollingEvery(Duration.ofMillis(50));
		return wait;
	}

	/** Waits until the element is displayed and returns it. */
	WebElement visible(String css, Duration timeout) {
		// a redraw between finding and asking replaces the element: look again
		return waiting(timeout).ignoring(StaleElementReferenceException.class).until((d) -> {
			List<WebElement> found = d.findElements(By.cssSelector(css));
			return (!found.isEmpty() && found.get(0).isDisplayed()) ? found.get(0) : null;
		});
	}

	/**
	 * The text of every element matching css, read in one go (immune to redraws in
	 * between).
	 */
	@SuppressWarnings("unchecked")
	List<String> texts(String css) {
		return (List<String>) script(
				"return [...document.querySelectorAll(arguments[0])].map((e) => e.textContent.trim())", css);
	}

	/** An attribute of every element matching css, read in one go. */
	@SuppressWarnings("unchecked")
	List<String> attributes(String css, String attribute) {
		return (List<String>) script(
				"return [...document.querySelectorAll(arguments[0])].map((e) => e.getAttribute(arguments[1]))", css,
				attribute);
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/** Saves a screenshot of the current page at desktop and phone width. */
	void screenshots(String name) {
		screenshot(name + "-desktop", DESKTOP);
		screenshot(name + "-phone", PHONE);
		this.driver.manage().window().setSize(DESKTOP);
	}

	private void screenshot(String name, Dimension size) {
		this.driver.manage().window().setSize(size);
		script("window.scrollTo(0, 0)");
		// grow the window to the page's height so the screenshot shows the whole screen
		long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
		this.driver.manage()
			.window()
			.setSize(new Dimension(size.width, (int) Math.min(Math.max(height, size.height), 5000)));
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs axe-core (from its WebJar, injected only here, never shipped) on the current
	 * page and returns the violations of impact serious or critical, each as "rule:
	 * target…".
	 */
	@SuppressWarnings("unchecked")
	List<String> seriousAccessibilityViolations() {
		script(axeSource());
		Map<String, Object> results = (Map<String, Object>) ((JavascriptExecutor) this.driver)
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "axe.run(document, {resultTypes: ['violations']}).then((r) => done({violations: r.violations.map("
					+ "(v) => ({id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5)}))}),"
					+ " (e) => done({error: String(e)}));");
		if (results.containsKey("error")) {
			throw new IllegalStateException("axe-core failed: " + results.get("error"));
		}
		return ((List<Map<String, Object>>) results.get("violations")).stream()
			.filter((v) -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
			.map((v) -> v.get("id") + " (" + v.get("impact") + "): " + v.get("nodes"))
			.toList();
	}

	private static String axeSource() {
		String version;
		try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe-core.properties")) {
			java.util.Properties properties = new java.util.Properties();
			properties.load(in);
			version = properties.getProperty("version");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String resource = "META-INF/resources/webjars/axe-core/" + version + "/axe.min.js";
		try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("axe-core not on the test classpath: " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
		try (var files = Files.walk(this.profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		catch (IOException ex) {
			// a leftover temp profile is harmless
		}
	}

}
