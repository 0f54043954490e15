package org.netduplex.server;

/**
 * Work that must run on one node of a cluster at a time, such as a ticker or a file watcher that
 * broadcasts: {@link PollingDuplexFeature#runOnOneNode} starts it on the node that holds the task's
 * lease and stops it if that node loses the lease (or closes), then another node starts it. With the
 * in-memory store the single node always holds it.
 */
@FunctionalInterface
public interface OneNodeTask {
  /**
   * Starts the work on this node.
   *
   * @return what stops it again; closed on another thread, once
   * @throws Exception if it cannot start (logged; the lease is given up so another node may try)
   */
  AutoCloseable start() throws Exception;
}
