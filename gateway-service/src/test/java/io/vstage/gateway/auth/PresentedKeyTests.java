package io.vstage.gateway.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PresentedKeyTests {

	@Test
	void issuedKeyWithItsChecksumIsWellFormed() {
		assertThat(new PresentedKey(ApiKeyAuthenticationFilterTests.VALID_KEY).isWellFormed()).isTrue();
	}

	@Test
	void issuedKeyWithOneCharacterChangedIsNot() {
		String key = ApiKeyAuthenticationFilterTests.VALID_KEY;
		String changed = key.substring(0, 10) + ((key.charAt(10) == 'A') ? 'B' : 'A') + key.substring(11);
		assertThat(new PresentedKey(changed).isWellFormed()).isFalse();
		assertThat(new PresentedKey(key + "x").isWellFormed()).isFalse();
	}

	@Test
	void firstVersionKeysAreRecognisedByShape() {
		assertThat(new PresentedKey(ApiKeyAuthenticationFilterTests.OTHER_VALID_KEY).isWellFormed()).isTrue();
		assertThat(new PresentedKey("sk-proj-short").isWellFormed()).isFalse();
	}

	@Test
	void otherShapesMustLookLikeALongSecret() {
		assertThat(new PresentedKey("a-super-admin-key-from-the-environment-000").isWellFormed()).isTrue();
		assertThat(new PresentedKey("short").isWellFormed()).isFalse();
		assertThat(new PresentedKey("has spaces in it but is long enough to pass").isWellFormed()).isFalse();
	}

	@Test
	void theHashIsHexSha256AndTheKeyNeverAppearsInToString() {
		PresentedKey key = new PresentedKey("abc");
		assertThat(key.hash()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(key.toString()).doesNotContain("abc");
	}

}
