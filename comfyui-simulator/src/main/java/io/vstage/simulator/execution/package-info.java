/**
 * The simulated executor: the priority queue and its single worker, the per-node output
 * cache, node "execution" that yields real images derived from the input, progress and
 * history, and the WebSocket message bus with ComfyUI's routing and ordering rules.
 */
package io.vstage.simulator.execution;
