package org.netduplex.redis.cluster;

import org.netduplex.redis.RedisDuplexStore;
import org.netduplex.server.DuplexStore;

/** The node's store: a {@link RedisDuplexStore} under its node id, every node with the same key prefix. */
final class NodeStore {
  private NodeStore() {}

  static DuplexStore create(String uri, String nodeId, String keyPrefix) {
    return RedisDuplexStore.builder(uri).nodeId(nodeId).keyPrefix(keyPrefix).build();
  }
}
