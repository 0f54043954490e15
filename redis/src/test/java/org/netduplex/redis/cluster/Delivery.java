package org.netduplex.redis.cluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one client received of the sequence {@code 0 .. sent-1}, in arrival order, judged as the cluster
 * tests judge it: lost (a number never received), duplicates (received more than once), and
 * reordered (after removing adjacent duplicates, a number that is not above the one before: a
 * redelivered answer repeats the last message, it never goes back further).
 */
record Delivery(int clientId, long sent, List<Long> received) {
  Delivery {
    received = List.copyOf(received);
  }

  long lost() {
    return lostSeqs().size();
  }

  /** The numbers never received, in order. */
  List<Long> lostSeqs() {
    Set<Long> seen = new HashSet<>(received);
    List<Long> lost = new ArrayList<>();
    for (long i = 0; i < sent; i++) {
      if (!seen.contains(i)) {
        lost.add(i);
      }
    }
    return lost;
  }

  long duplicates() {
    return received.size() - new HashSet<>(received).size();
  }

  long reordered() {
    List<Long> collapsed = new ArrayList<>();
    for (long n : received) {
      if (collapsed.isEmpty() || collapsed.get(collapsed.size() - 1) != n) {
        collapsed.add(n);
      }
    }
    long reordered = 0;
    for (int i = 1; i < collapsed.size(); i++) {
      reordered += collapsed.get(i) <= collapsed.get(i - 1) ? 1 : 0;
    }
    return reordered;
  }

  /** The sum over clients, in one line: {@code sent=.. received=.. lost=.. duplicates=.. reordered=..}. */
  static String summary(List<Delivery> all) {
    long sent = 0;
    long received = 0;
    long lost = 0;
    long duplicates = 0;
    long reordered = 0;
    for (Delivery d : all) {
      sent += d.sent;
      received += d.received.size();
      lost += d.lost();
      duplicates += d.duplicates();
      reordered += d.reordered();
    }
    return "sent=" + sent + " received=" + received + " lost=" + lost + " duplicates=" + duplicates
        + " reordered=" + reordered;
  }
}
