package io.vstage.simulator.execution;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code heapq} on a list, reproduced exactly so that {@code /queue} lists
 * pending items in the same (heap) order a real server does.
 */
final class Heap<T extends Comparable<T>> {

	private final List<T> items = new ArrayList<>();

	List<T> items() {
		return this.items;
	}

	void push(T item) {
		this.items.add(item);
		siftDown(0, this.items.size() - 1);
	}

	T pop() {
		T last = this.items.remove(this.items.size() - 1);
		if (this.items.isEmpty()) {
			return last;
		}
		T first = this.items.get(0);
		this.items.set(0, last);
		siftUp(0);
		return first;
	}

	void removeAt(int index) {
		this.items.remove(index);
		for (int i = this.items.size() / 2 - 1; i >= 0; i--) {
			siftUp(i);
		}
	}

	void clear() {
		this.items.clear();
	}

	private void siftDown(int start, int pos) {
		T item = this.items.get(pos);
		while (pos > start) {
			int parent = (pos - 1) >> 1;
			T p = this.items.get(parent);
			if (item.compareTo(p) < 0) {
				this.items.set(pos, p);
				pos = parent;
				continue;
			}
			break;
		}
		this.items.set(pos, item);
	}

	private void siftUp(int pos) {
		int end = this.items.size();
		int start = pos;
		T item = this.items.get(pos);
		int child = 2 * pos + 1;
		while (child < end) {
			int right = child + 1;
			if (right < end && !(this.items.get(child).compareTo(this.items.get(right)) < 0)) {
				child = right;
			}
			this.items.set(pos, this.items.get(child));
			pos = child;
			child = 2 * pos + 1;
		}
		this.items.set(pos, item);
		siftDown(start, pos);
	}

}
