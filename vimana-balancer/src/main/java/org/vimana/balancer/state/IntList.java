package org.vimana.balancer.state;

import java.util.Arrays;

/** A growable list of ints that keeps insertion order (a host's VMs in arrival order). */
public final class IntList {

  private int[] items;
  private int size;

  public IntList(int capacity) {
    items = new int[Math.max(2, capacity)];
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public int get(int i) {
    if (i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return items[i];
  }

  public void add(int value) {
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
    }
    items[size++] = value;
  }

  /** Removes the first occurrence of {@code value}, keeping the order of the rest. */
  public boolean removeValue(int value) {
    for (int i = 0; i < size; i++) {
      if (items[i] == value) {
        System.arraycopy(items, i + 1, items, i, size - i - 1);
        size--;
        return true;
      }
    }
    return false;
  }

  public boolean contains(int value) {
    for (int i = 0; i < size; i++) {
      if (items[i] == value) {
        return true;
      }
    }
    return false;
  }

  public int[] toArray() {
    return Arrays.copyOf(items, size);
  }
}
