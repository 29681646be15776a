package io.vstage.systemtests;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key entry of the staging app: validation states, the 500 ms debounce, gating, sign-out.
 */
class KeyEntryBrowserTests {

	@RegisterExtension
	static final BrowserSession session = new BrowserSession();

	private static Browser browser;

	private static Suite suite;

	@BeforeAll
	static void useSession() {
		suite = session.suite();
		browser = session.browser();
	}

	private static long meRequests() {
		return ((Number) browser.script("return performance.getEntriesByType('resource')"
				+ ".filter((e) => new URL(e.name).pathname === '/api/v1/me').length"))
			.longValue();
	}

	@Test
	void typingIsCheckedOnceAfterAPauseOf500Ms() {
		StagingPage page = new StagingPage(browser).open();
		String key = "sa-not-a-real-key-" + UUID.randomUUID();
		long before = meRequests();
		// two bursts of keystrokes (an input event each), closer together than the
		// debounce
		browser.find("#api-key").sendKeys(key.substring(0, 20));
		assertThat(page.keyState()).isEqualTo("checking");
		browser.find("#api-key").sendKeys(key.substring(20));
		assertThat(page.keyState()).isEqualTo("checking");
		assertThat(meRequests()).isEqualTo(before);
		page.awaitKeyState("invalid");
		assertThat(meRequests()).isEqualTo(before + 1);
		assertThat(page.keyStatusText()).startsWith("Invalid key:").hasSizeGreaterThan("Invalid key: ".length());
		assertThat(page.appShown()).isFalse();
	}

	@Test
	void aMalformedKeyIsInvalidWithTheReason() {
		StagingPage page = new StagingPage(browser).open();
		page.typeKey("vsk_short");
		page.awaitKeyState("invalid");
		assertThat(page.keyStatusText()).startsWith("Invalid key:");
		assertThat(page.appShown()).isFalse();
	}

	@Test
	void aValidKeyShowsRoleQuotaAndResetAndOpensTheApp() {
		SuiteApi.IssuedKey key = suite.api().createKey(suite.superAdminKey(), "valid-key-user", "user", 40);
		StagingPage page = new StagingPage(browser).open();
		assertThat(page.appShown()).isFalse();
		page.signIn(key.secret());
		assertThat(page.keyStatusText()).contains("role user")
			.contains("40 of 40 images left today")
			.contains("resets");
		assertThat(browser.find("#key-details [data-field='Images left today']").getText()).isEqualTo("40");
		assertThat(page.appShown()).isTrue();
		browser.screenshots("staging-signed-in");
	}

	@Test
	void theKeyLastsForTheTabOnlyAndSignOutClearsIt() {
		SuiteApi.IssuedKey key = suite.api().createKey(suite.superAdminKey(), "session-key-user", "user", 10);
		StagingPage page = new StagingPage(browser).open();
		page.signIn(key.secret());
		assertThat(browser.script("return sessionStorage.getItem('vstage.stagingKey')")).isEqualTo(key.secret());
		assertThat(browser.script("return localStorage.length")).isEqualTo(0L);
		browser.driver().navigate().refresh();
		page.awaitKeyState("valid");
		assertThat(page.appShown()).isTrue();

		browser.find("#sign-out").click();
		assertThat(page.keyState()).isEqualTo("empty");
		assertThat(page.appShown()).isFalse();
		assertThat(browser.script("return sessionStorage.getItem('vstage.stagingKey')")).isNull();
		assertThat(browser.find("#api-key").getAttribute("value")).isEmpty();
	}

	@Test
	void theEmptyPageShowsOnlyTheKeyEntry() {
		StagingPage page = new StagingPage(browser).open();
		browser.waiting(Duration.ofSeconds(5)).until((d) -> "empty".equals(page.keyState()));
		assertThat(page.appShown()).isFalse();
		browser.screenshots("staging-key-entry");
	}

}
