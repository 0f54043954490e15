package org.netduplex.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Redis primary and one replica (both AOF {@code everysec}) watched by three Sentinels (quorum 2,
 * {@code down-after-milliseconds 1000}, {@code failover-timeout 3000}), all real processes on free
 * loopback ports. {@link #start()} returns once every Sentinel knows the replica and the two other
 * Sentinels, so a {@link #killPrimary()} right away is failed over. Lettuce reaches it through
 * {@link #sentinelUri()}.
 *
 * <pre>{@code
 * try (RedisSentinelRig rig = RedisSentinelRig.start()) {
 *   connect(rig.sentinelUri());
 *   rig.killPrimary();
 *   Duration failover = rig.awaitNewPrimary();   // typically 1.5-3 s on loopback
 * }
 * }</pre>
 */
public final class RedisSentinelRig implements AutoCloseable {
  /** The name the Sentinels monitor the primary under. */
  public static final String MASTER_NAME = "mymaster";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(30);

  private final List<RedisServer> servers = new ArrayList<>(); // the primary, then the replica
  private final List<RedisServer> sentinels = new ArrayList<>();
  private RedisServer killed;
  private long killedAt;

  private RedisSentinelRig() {}

  /**
   * Starts the primary, the replica and the three Sentinels, and waits until they know each other.
   *
   * @return the running rig; close it when done
   * @throws IOException if a temporary directory cannot be made
   * @throws IllegalStateException if a process does not start, or the rig is not ready within 30 s
   */
  public static RedisSentinelRig start() throws IOException {
    RedisSentinelRig rig = new RedisSentinelRig();
    try {
      RedisServer primary = RedisServer.builder().aof(true).start();
      rig.servers.add(primary);
      rig.servers.add(RedisServer.builder().aof(true).config("replicaof 127.0.0.1 " + primary.port()).start());
      for (int i = 0; i < 3; i++) {
        rig.sentinels.add(RedisServer.sentinelBuilder()
            .config("sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + primary.port() + " 2")
            .config("sentinel down-after-milliseconds " + MASTER_NAME + " 1000")
            .config("sentinel failover-timeout " + MASTER_NAME + " 3000")
            .config("sentinel parallel-syncs " + MASTER_NAME + " 1")
            .start());
      }
      rig.awaitReady();
    } catch (RuntimeException | IOException e) {
      rig.close();
      throw e;
    }
    return rig;
  }

  /**
   * The URI Lettuce takes to find the primary through the Sentinels.
   *
   * @return {@code redis-sentinel://127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3#mymaster}
   */
  public String sentinelUri() {
    return "redis-sentinel://" + sentinels.stream().map(s -> "127.0.0.1:" + s.port()).collect(Collectors.joining(","))
        + "#" + MASTER_NAME;
  }

  /**
   * The server the Sentinels name as primary now.
   *
   * @return one of the two data servers
   * @throws IllegalStateException if the Sentinels name none of them
   */
  public RedisServer primary() {
    int port = primaryPortSeenBy(sentinels.get(0));
    return servers.stream().filter(s -> s.port() == port).findFirst()
        .orElseThrow(() -> new IllegalStateException("the Sentinels name :" + port + ", not one of " + servers));
  }

  /**
   * The primary and the replica, in the order they were started (the first was the first primary).
   *
   * @return both data servers
   */
  public List<RedisServer> servers() {
    return List.copyOf(servers);
  }

  /**
   * The three Sentinels.
   *
   * @return the Sentinel processes (their {@code cli} speaks to the Sentinel)
   */
  public List<RedisServer> sentinels() {
    return List.copyOf(sentinels);
  }

  /**
   * Kills the current primary with SIGKILL and notes the moment, for {@link #awaitNewPrimary()}.
   *
   * @return the server killed
   */
  public synchronized RedisServer killPrimary() {
    RedisServer primary = primary();
    primary.kill9();
    killed = primary;
    killedAt = System.nanoTime();
    return primary;
  }

  /**
   * Waits until every Sentinel names another primary than the one killed and that server says it is
   * a master.
   *
   * @return the failover time: from the kill to the moment this was first seen (checked every 20 ms)
   * @throws IllegalStateException if no primary was killed, or no failover happened within 30 s
   */
  public synchronized Duration awaitNewPrimary() {
    if (killed == null) {
      throw new IllegalStateException("killPrimary() first");
    }
    long deadline = killedAt + FAILOVER_TIMEOUT.toNanos();
    while (true) {
      if (failedOver()) {
        return Duration.ofNanos(System.nanoTime() - killedAt);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no new primary " + FAILOVER_TIMEOUT + " after killing " + killed + "; "
            + sentinels.get(0) + " log:\n" + sentinels.get(0).logTail());
      }
      pause(20);
    }
  }

  @Override
  public void close() {
    sentinels.forEach(RedisServer::close);
    servers.forEach(RedisServer::close);
  }

  private boolean failedOver() {
    for (RedisServer s : sentinels) {
      try {
        if (primaryPortSeenBy(s) == killed.port()) {
          return false;
        }
      } catch (RuntimeException e) {
        return false;
      }
    }
    try {
      return "master".equals(primary().info("replication", "role"));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    int primaryPort = servers.get(0).port();
    while (!ready(primaryPort)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the Sentinel rig was not ready within " + READY_TIMEOUT + "; "
            + sentinels.get(0) + " log:\n" + sentinels.get(0).logTail());
      }
      pause(50);
    }
  }

  /** The replica is in sync, and each Sentinel sees the primary, the replica and the two other Sentinels. */
  private boolean ready(int primaryPort) {
    try {
      if (!"up".equals(servers.get(1).info("replication", "master_link_status"))) {
        return false;
      }
      for (RedisServer s : sentinels) {
        if (primaryPortSeenBy(s) != primaryPort
            || ((List<?>) s.cli("SENTINEL", "REPLICAS", MASTER_NAME)).isEmpty()
            || ((List<?>) s.cli("SENTINEL", "SENTINELS", MASTER_NAME)).size() < 2) {
          return false;
        }
      }
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static int primaryPortSeenBy(RedisServer sentinel) {
    List<?> address = (List<?>) sentinel.cli("SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER_NAME);
    return Integer.parseInt((String) address.get(1));
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
