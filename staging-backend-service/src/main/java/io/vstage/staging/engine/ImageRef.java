package io.vstage.staging.engine;

/**
 * A file on an engine, as listed in history outputs and fetched through {@code /view}.
 */
public record ImageRef(String filename, String subfolder, String type) {

}
