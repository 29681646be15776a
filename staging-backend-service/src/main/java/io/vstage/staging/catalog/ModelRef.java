package io.vstage.staging.catalog;

/**
 * A model file a workflow needs, by ComfyUI model folder and file name.
 */
public record ModelRef(String folder, String name) {

}
