package org.netduplex.server;

/**
 * Where an endpoint keeps its sessions, queued messages and acknowledgement state. The default is in
 * memory, in the endpoint's JVM; netduplex-redis's {@code RedisDuplexStore} keeps them in Redis, so
 * that several nodes behind a plain round-robin balancer serve one set of sessions and a node that
 * dies loses none of them. Give each endpoint its own store ({@link DuplexServerConfig.Builder#store}).
 * Implementations come from NetDuplex's own modules.
 */
public interface DuplexStore extends AutoCloseable {
  /** Lets go of the store's resources (its connection); called when the endpoint closes. */
  @Override
  void close();
}
