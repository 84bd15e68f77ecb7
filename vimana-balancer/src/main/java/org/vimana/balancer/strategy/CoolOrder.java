package org.vimana.balancer.strategy;

import java.util.Arrays;

/**
 * The hosts balanced over, coolest first (balanced CPU load plus memory load), kept sorted as moves
 * change two hosts at a time: each is taken out and put back by binary search, O(hosts) per move
 * instead of a full sort.
 */
final class CoolOrder {

  private final LoadBalance balance;
  private int[] order;
  private int size;

  CoolOrder(LoadBalance balance, int hostCount) {
    this.balance = balance;
    Integer[] members =
        java.util.stream.IntStream.range(0, hostCount)
            .filter(balance::member)
            .boxed()
            .toArray(Integer[]::new);
    Arrays.sort(members, (a, b) -> Double.compare(key(a), key(b)));
    order = new int[members.length];
    for (int i = 0; i < members.length; i++) {
      order[i] = members[i];
    }
    size = order.length;
  }

  int size() {
    return size;
  }

  /** The {@code i}-th coolest host. */
  int get(int i) {
    return order[i];
  }

  /** Re-positions hosts {@code a} and {@code b}, whose loads changed. */
  void update(int a, int b) {
    remove(a);
    remove(b);
    insert(a);
    insert(b);
  }

  private double key(int h) {
    return balance.cpu(h) + balance.mem(h);
  }

  private void remove(int h) {
    for (int i = 0; i < size; i++) {
      if (order[i] == h) {
        System.arraycopy(order, i + 1, order, i, size - i - 1);
        size--;
        return;
      }
    }
  }

  private void insert(int h) {
    if (!balance.member(h)) {
      return;
    }
    double k = key(h);
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (key(order[mid]) <= k) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    System.arraycopy(order, lo, order, lo + 1, size - lo);
    order[lo] = h;
    size++;
  }
}
