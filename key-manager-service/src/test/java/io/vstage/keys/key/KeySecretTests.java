package io.vstage.keys.key;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeySecretTests {

	private final SecureRandom random = new SecureRandom();

	@Test
	void generatedKeysHaveThePrefixBase62BodyAndChecksum() {
		KeySecret secret = KeySecret.generate(this.random);
		assertThat(secret.value()).matches("vsk_[0-9A-Za-z]{49}");
		assertThat(KeySecret.isWellFormed(secret.value())).isTrue();
	}

	@Test
	void generatedKeysAreUnique() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			assertThat(seen.add(KeySecret.generate(this.random).value())).isTrue();
		}
	}

	@Test
	void anyChangedCharacterBreaksTheChecksum() {
		String key = KeySecret.generate(this.random).value();
		for (int i = 4; i < key.length(); i++) {
			char replacement = (key.charAt(i) == 'x') ? 'y' : 'x';
			String changed = key.substring(0, i) + replacement + key.substring(i + 1);
			assertThat(KeySecret.isWellFormed(changed)).as("changed at %d", i).isFalse();
		}
	}

	@Test
	void wrongShapesAreMalformed() {
		String key = KeySecret.generate(this.random).value();
		assertThat(KeySecret.isWellFormed("")).isFalse();
		assertThat(KeySecret.isWellFormed(key.substring(1))).isFalse();
		assertThat(KeySecret.isWellFormed(key + "a")).isFalse();
		assertThat(KeySecret.isWellFormed("vsk-" + key.substring(4))).isFalse();
		assertThat(KeySecret.isWellFormed(key.substring(0, 20) + "!" + key.substring(21))).isFalse();
	}

	@Test
	void firstVersionKeysAreRecognisedByShape() {
		assertThat(KeySecret.isWellFormed("sk-proj-" + "aZ09_-".repeat(7) + "q")).isTrue();
		assertThat(KeySecret.isWellFormed("sk-proj-" + "a".repeat(42))).isFalse();
		assertThat(KeySecret.isWellFormed("sk-proj-" + "a".repeat(42) + "+")).isFalse();
	}

	@Test
	void hashIsLowercaseHexSha256OfTheWholeKey() {
		assertThat(KeySecret.sha256Hex("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		KeySecret secret = KeySecret.generate(this.random);
		assertThat(secret.hash()).isEqualTo(KeySecret.sha256Hex(secret.value()));
	}

	@Test
	void displayPrefixRevealsAtMostEightCharactersOfTheSecret() {
		KeySecret secret = KeySecret.generate(this.random);
		assertThat(secret.displayPrefix()).isEqualTo(secret.value().substring(0, 12) + "...");
		KeySecret legacy = new KeySecret("sk-proj-" + "b".repeat(43));
		assertThat(legacy.displayPrefix()).isEqualTo("sk-proj-bbbbbbbb...");
		assertThat(secret.toString()).doesNotContain(secret.value().substring(12));
	}

}
