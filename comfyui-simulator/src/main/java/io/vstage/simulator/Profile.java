package io.vstage.simulator;

import java.util.Locale;

/** Which ComfyUI behaviour to reproduce where versions differ (PROTOCOL.md section 8). */
public enum Profile {

	/**
	 * ComfyUI v0.3.64: any {@code prompt_id}, {@code invalid_prompt} for unknown classes.
	 */
	V0_3_64("v0.3.64", "0.3.64"),

	/**
	 * The 0.38 line: UUID-only {@code prompt_id}, {@code missing_node_type}, extra keys.
	 */
	NEWER("newer", "0.38.2");

	private final String id;

	private final String version;

	Profile(String id, String version) {
		this.id = id;
		this.version = version;
	}

	/** The command-line name ({@code v0.3.64} or {@code newer}). */
	public String id() {
		return this.id;
	}

	/** The {@code comfyui_version} that {@code /system_stats} reports. */
	public String comfyUiVersion() {
		return this.version;
	}

	/** Parses {@code v0.3.64} / {@code 0.3.64} or {@code newer} / {@code 0.38}. */
	public static Profile parse(String value) {
		String v = value.toLowerCase(Locale.ROOT).strip();
		if (v.equals("newer") || v.startsWith("0.38") || v.startsWith("v0.38")) {
			return NEWER;
		}
		if (v.equals("v0.3.64") || v.equals("0.3.64")) {
			return V0_3_64;
		}
		throw new IllegalArgumentException("unknown profile '" + value + "': use v0.3.64 or newer");
	}

}
