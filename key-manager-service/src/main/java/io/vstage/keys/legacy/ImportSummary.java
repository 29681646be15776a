package io.vstage.keys.legacy;

/**
 * What an import did.
 *
 * @param keysImported keys added
 * @param keysSkipped keys already present (imported before)
 * @param usageImported usage rows added
 * @param usageSkipped usage rows already present or of unknown keys
 * @param publishedKeysRevoked imported keys that the first version published in its
 * documentation, imported revoked whatever their legacy status
 */
public record ImportSummary(int keysImported, int keysSkipped, int usageImported, int usageSkipped,
		int publishedKeysRevoked) {
}
