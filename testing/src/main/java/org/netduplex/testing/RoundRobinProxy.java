package org.netduplex.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A plain TCP balancer on a free loopback port, as haproxy's {@code balance roundrobin} without
 * stickiness or health checks: each new connection goes to the next backend in turn, whatever
 * session its requests belong to. A connection whose backend is down is reset (the client sees its
 * request fail and retries, and its next connection goes to the next backend), never held.
 *
 * <p>{@link #cut()} partitions the link: from then on no byte passes either way and new connections
 * are accepted and left hanging, as a black hole does (the client's commands time out rather than
 * fail at once); {@link #heal()} resets every connection the partition held and forwards again. With
 * one backend this is the cuttable link between a node and Redis.
 */
public final class RoundRobinProxy implements AutoCloseable {
  private final List<Integer> backends;
  private final ServerSocket listener;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicIntegerArray connections;
  private final AtomicInteger refused = new AtomicInteger();
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private final Object partition = new Object();
  private boolean cut; // guarded by partition
  private volatile boolean closed;

  private RoundRobinProxy(List<Integer> backends) throws IOException {
    this.backends = List.copyOf(backends);
    this.connections = new AtomicIntegerArray(backends.size());
    this.listener = new ServerSocket();
    listener.setReuseAddress(true);
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    daemon(this::acceptLoop, "round-robin-accept").start();
  }

  /**
   * A proxy to these backends on 127.0.0.1, forwarding at once.
   *
   * @param backendPorts one or more ports; the first connection goes to the first
   * @return the running proxy; close it when done
   * @throws IOException if no port can be bound
   * @throws IllegalArgumentException if no backend is given
   */
  public static RoundRobinProxy to(int... backendPorts) throws IOException {
    if (backendPorts.length == 0) {
      throw new IllegalArgumentException("no backend port");
    }
    return new RoundRobinProxy(java.util.Arrays.stream(backendPorts).boxed().toList());
  }

  /**
   * The proxy's own port.
   *
   * @return the port on 127.0.0.1 clients connect to
   */
  public int port() {
    return listener.getLocalPort();
  }

  /**
   * {@code target} with this proxy's host and port: what the client should call.
   *
   * @param target a backend's address; its path and query are kept
   * @return {@code http://127.0.0.1:<proxy port><path>}
   */
  public URI via(URI target) {
    return URI.create("http://127.0.0.1:" + port() + target.getRawPath()
        + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
  }

  /**
   * Connections forwarded to the backend at {@code index} so far.
   *
   * @param index the backend's position in {@link #to}
   * @return the count
   */
  public int connections(int index) {
    return connections.get(index);
  }

  /**
   * Connections reset because their backend refused them.
   *
   * @return the count
   */
  public int refused() {
    return refused.get();
  }

  /** Partitions the link: no byte passes either way and new connections hang, until {@link #heal()}. */
  public void cut() {
    synchronized (partition) {
      cut = true;
      links.forEach(l -> l.partitioned = true);
    }
  }

  /**
   * Ends the partition: every connection open during it is reset (as a partition long enough to time
   * TCP out would), and new ones are forwarded again.
   */
  public void heal() {
    synchronized (partition) {
      cut = false;
      links.stream().filter(l -> l.partitioned).forEach(Link::reset);
      partition.notifyAll();
    }
  }

  /** Resets every open connection (the backends stay up); new connections are forwarded as before. */
  public void resetAll() {
    links.forEach(Link::reset);
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      daemon(() -> connect(client), "round-robin-connect").start();
    }
  }

  private void connect(Socket client) {
    Link link = new Link(client);
    links.add(link);
    if (awaitNoPartition(link)) {
      return; // heal() reset it
    }
    int index = Math.floorMod(next.getAndIncrement(), backends.size());
    try {
      link.server = new Socket(InetAddress.getLoopbackAddress(), backends.get(index));
    } catch (IOException down) {
      refused.incrementAndGet();
      link.reset();
      return;
    }
    connections.incrementAndGet(index);
    try {
      client.setTcpNoDelay(true); // forwarded as it comes: Nagle would add 40 ms per small answer
      link.server.setTcpNoDelay(true);
    } catch (IOException e) {
      link.reset();
      return;
    }
    if (closed) {
      link.reset();
      return;
    }
    daemon(() -> link.pump(client, link.server), "round-robin-up").start();
    daemon(() -> link.pump(link.server, client), "round-robin-down").start();
  }

  /** Waits while the link is cut; true if the link was reset meanwhile (by {@link #heal()}). */
  private boolean awaitNoPartition(Link link) {
    synchronized (partition) {
      if (cut) {
        link.partitioned = true;
      }
      while (cut && !closed) {
        try {
          partition.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return true;
        }
      }
      return link.ended.get() > 0;
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException ignored) {
      // already closed
    }
    synchronized (partition) {
      partition.notifyAll();
    }
    links.forEach(Link::reset);
  }

  /** One client connection and, once connected, its backend connection. */
  private final class Link {
    final Socket client;
    volatile Socket server;
    volatile boolean partitioned;
    final AtomicInteger ended = new AtomicInteger();

    Link(Socket client) {
      this.client = client;
    }

    void pump(Socket from, Socket to) {
      byte[] buffer = new byte[16 * 1024];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        for (int n; (n = in.read(buffer)) >= 0; ) {
          if (awaitNoPartition(this)) {
            return; // what it read is lost with the connection, as in a black hole
          }
          out.write(buffer, 0, n);
          out.flush();
        }
        close(); // one side closed (FIN): close the other too
      } catch (IOException e) {
        reset();
      }
    }

    /** Closes both connections (FIN); the first call of this or {@link #reset()} does it. */
    void close() {
      if (ended.getAndIncrement() > 0) {
        return;
      }
      links.remove(this);
      closeQuietly(client);
      closeQuietly(server);
    }

    /** Resets the client's connection (RST) and closes the backend's; the first call does it. */
    void reset() {
      if (ended.getAndIncrement() > 0) {
        return;
      }
      links.remove(this);
      try {
        client.setSoLinger(true, 0);
      } catch (IOException ignored) {
        // already closed
      }
      closeQuietly(client);
      closeQuietly(server);
    }
  }

  private static void closeQuietly(Socket s) {
    if (s == null) {
      return;
    }
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
