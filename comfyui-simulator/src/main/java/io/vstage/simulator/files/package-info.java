/**
 * The input, output and temp folders: uploads with ComfyUI's dedupe-and-rename rule, the
 * {@code /view} resolution order, and SaveImage's file naming.
 */
package io.vstage.simulator.files;
