/**
 * The node catalogue as data: ComfyUI's own {@code /object_info} entries loaded from a
 * JSON resource, with model-file combos and LoadImage's image list replaced by the
 * configured model lists and the input folder, the way a real server fills them from its
 * folders.
 */
package io.vstage.simulator.catalog;
