/**
 * A protocol-faithful ComfyUI stand-in. Start one with
 * {@link io.vstage.simulator.ComfyUiSimulator#builder()} from a test, or run
 * {@link io.vstage.simulator.SimulatorMain} as a standalone server; it speaks ComfyUI's
 * HTTP and WebSocket API, validates prompts against a node catalogue held as data, and
 * "executes" them with real, visibly labelled images.
 */
package io.vstage.simulator;
