/**
 * Submit-time validation of an API-format prompt, in ComfyUI's order and with its exact
 * error objects: unknown classes, missing outputs, and per-input checks against the
 * catalogue ({@code execution.py} {@code validate_prompt} / {@code validate_inputs} of
 * v0.3.64).
 */
package io.vstage.simulator.validation;
