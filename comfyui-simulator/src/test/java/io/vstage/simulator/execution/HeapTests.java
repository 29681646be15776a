package io.vstage.simulator.execution;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heap keeps Python heapq's exact array layout, which {@code /queue} shows as pending
 * order.
 */
class HeapTests {

	@Test
	void pushPopAndRemoveMatchPythonHeapq() {
		Heap<Integer> heap = new Heap<>();
		List.of(5, 3, 8, 1, 9, 2, 7, 4, 6, 0).forEach(heap::push);
		// python: heapq.heappush over the same values
		assertThat(heap.items()).containsExactly(0, 1, 2, 4, 3, 8, 7, 5, 6, 9);
		assertThat(heap.pop()).isZero();
		assertThat(heap.pop()).isEqualTo(1);
		assertThat(heap.items()).containsExactly(2, 3, 6, 4, 9, 8, 7, 5);
		// python: queue.pop(2); heapq.heapify(queue)
		heap.removeAt(2);
		assertThat(heap.items()).containsExactly(2, 3, 4, 9, 8, 7, 5);
	}

}
