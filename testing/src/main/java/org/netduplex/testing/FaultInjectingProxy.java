package org.netduplex.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on a loopback port that breaks the network between a client and a server at
 * random, seeded and bounded: it resets connections (RST), closes them (FIN), drops an answer after
 * the server wrote it (reads it, discards it, then closes), and disappears for a while (its port
 * refuses connections). Plain sockets and threads, no NetDuplex code: what it breaks is TCP.
 *
 * <p>Faults start with {@link #startFaults()}, one every {@code meanGap} on average (exponential
 * gaps from the seed), until {@code faults} were injected; then it forwards faithfully.
 * {@link #finished()} says when. Thread timing still varies from run to run; the seed fixes the
 * choices and the gaps.
 */
public final class FaultInjectingProxy implements AutoCloseable {
  /** What the proxy does to the link. */
  public enum Fault {
    /** Resets a connection (RST). */
    RESET,
    /** Closes a connection (FIN). */
    CLOSE,
    /** Reads the server's answer, discards it, then closes the connection. */
    DROP_ANSWER,
    /** Closes the proxy's port for a while, so connections are refused. */
    OUTAGE
  }

  private final int targetPort;
  private final int port;
  private final Random random;
  private final int maxFaults;
  private final int maxOutages;
  private final Duration meanGap;
  private final Duration minOutage;
  private final Duration maxOutage;
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);
  private final Object listening = new Object();
  private ServerSocket listener; // guarded by listening; null during an outage
  private volatile boolean closed;
  private volatile boolean finished;
  private Thread chaos;

  private FaultInjectingProxy(Builder b) throws IOException {
    this.targetPort = b.targetPort;
    this.random = new Random(b.seed);
    this.maxFaults = b.faults;
    this.maxOutages = b.outages;
    this.meanGap = b.meanGap;
    this.minOutage = b.minOutage;
    this.maxOutage = b.maxOutage;
    for (Fault f : Fault.values()) {
      injected.put(f, new AtomicInteger());
    }
    this.listener = bind(0);
    this.port = listener.getLocalPort();
    daemon(this::acceptLoop, "fault-proxy-accept").start();
  }

  /**
   * A proxy to {@code targetPort} on loopback; configure the faults, then {@link Builder#start()}.
   *
   * @param targetPort the server's port on 127.0.0.1
   * @return a builder with the defaults its setters document
   */
  public static Builder to(int targetPort) {
    return new Builder(targetPort);
  }

  /**
   * {@code target} with this proxy's port: what the client should call.
   *
   * @param target the server's address; its path is kept
   * @return {@code http://127.0.0.1:<proxy port><path>}
   */
  public URI via(URI target) {
    return URI.create("http://127.0.0.1:" + port + target.getRawPath());
  }

  /** Starts injecting faults (the client's first calls usually go through undisturbed before). */
  public synchronized void startFaults() {
    if (chaos == null) {
      chaos = daemon(this::chaosLoop, "fault-proxy-chaos");
      chaos.start();
    }
  }

  /**
   * Whether every fault was injected and the proxy forwards faithfully again.
   *
   * @return true once the last fault was injected
   */
  public boolean finished() {
    return finished;
  }

  /**
   * How many faults of each kind were injected so far.
   *
   * @return a copy, every kind present
   */
  public Map<Fault, Integer> injected() {
    Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
    injected.forEach((f, n) -> counts.put(f, n.get()));
    return counts;
  }

  /**
   * All faults injected so far.
   *
   * @return the sum over the kinds
   */
  public int injectedTotal() {
    return injected.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  private void chaosLoop() {
    int outages = 0;
    try {
      while (!closed && injectedTotal() < maxFaults) {
        Thread.sleep(Math.max(1, (long) (-Math.log(1 - random.nextDouble()) * meanGap.toMillis())));
        if (outages < maxOutages && random.nextInt(maxFaults) < maxOutages) {
          outages++;
          outage(minOutage.toMillis() + (long) (random.nextDouble() * (maxOutage.toMillis() - minOutage.toMillis())));
          continue;
        }
        Fault fault = Fault.values()[random.nextInt(3)];
        List<Link> open = new ArrayList<>(links);
        if (open.isEmpty()) {
          continue;
        }
        open.sort((a, b) -> Long.compare(a.id, b.id)); // the seed picks, not the set's order
        Link link = open.get(random.nextInt(open.size()));
        switch (fault) {
          case RESET -> {
            if (link.reset()) {
              injected.get(Fault.RESET).incrementAndGet();
            }
          }
          case CLOSE -> {
            if (link.close()) {
              injected.get(Fault.CLOSE).incrementAndGet();
            }
          }
          default -> link.dropNextAnswer = true; // counted when it happens
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      finished = true;
    }
  }

  /** Closes the port and every connection, and binds the same port again {@code millis} later. */
  private void outage(long millis) throws InterruptedException {
    injected.get(Fault.OUTAGE).incrementAndGet();
    synchronized (listening) {
      closeQuietly(listener);
      listener = null;
    }
    links.forEach(Link::close);
    Thread.sleep(millis);
    while (!closed) {
      try {
        ServerSocket again = bind(port);
        synchronized (listening) {
          listener = again;
          listening.notifyAll();
        }
        return;
      } catch (IOException e) {
        Thread.sleep(20); // the port is still in TIME_WAIT or taken for a moment: try again
      }
    }
  }

  private void acceptLoop() {
    long ids = 0;
    while (!closed) {
      ServerSocket current;
      try {
        current = currentListener();
      } catch (InterruptedException e) {
        return;
      }
      try {
        Socket client = current.accept();
        Socket server;
        try {
          server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        } catch (IOException e) {
          closeQuietly(client);
          continue;
        }
        client.setTcpNoDelay(true); // forwarded as it comes: Nagle would add 40 ms per small answer
        server.setTcpNoDelay(true);
        Link link = new Link(ids++, client, server);
        links.add(link);
        daemon(() -> link.pump(client, server, false), "fault-proxy-up").start();
        daemon(() -> link.pump(server, client, true), "fault-proxy-down").start();
      } catch (IOException e) {
        // closed for an outage or for good: wait for the next listener
      }
    }
  }

  private ServerSocket currentListener() throws InterruptedException {
    synchronized (listening) {
      while (listener == null && !closed) {
        listening.wait();
      }
      return listener;
    }
  }

  private static ServerSocket bind(int port) throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    try {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
    } catch (IOException e) {
      s.close();
      throw e;
    }
    return s;
  }

  /** One client connection and its server connection. */
  private final class Link {
    final long id;
    final Socket client;
    final Socket server;
    volatile boolean dropNextAnswer;
    private final AtomicInteger ended = new AtomicInteger();

    Link(long id, Socket client, Socket server) {
      this.id = id;
      this.client = client;
      this.server = server;
    }

    void pump(Socket from, Socket to, boolean answers) {
      byte[] buffer = new byte[16 * 1024];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        for (int n; (n = in.read(buffer)) >= 0; ) {
          if (answers && dropNextAnswer) {
            // The server wrote its answer: it is read here and never reaches the client.
            if (close()) {
              injected.get(Fault.DROP_ANSWER).incrementAndGet();
            }
            return;
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side closed or reset
      } finally {
        close();
      }
    }

    /** Resets the client's connection (RST) and closes the server's; true if it was still open. */
    boolean reset() {
      try {
        client.setSoLinger(true, 0);
      } catch (IOException e) {
        // already closed: close() below says so
      }
      return close();
    }

    /** Closes both connections (FIN); true for the first caller. */
    boolean close() {
      if (ended.getAndIncrement() > 0) {
        return false;
      }
      links.remove(this);
      closeQuietly(client);
      closeQuietly(server);
      return true;
    }
  }

  @Override
  public void close() {
    closed = true;
    Thread c;
    synchronized (this) {
      c = chaos;
    }
    if (c != null) {
      c.interrupt();
    }
    synchronized (listening) {
      closeQuietly(listener);
      listener = null;
      listening.notifyAll();
    }
    links.forEach(Link::close);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception ignored) {
      // already closed
    }
  }

  /** Settings of a {@link FaultInjectingProxy}. */
  public static final class Builder {
    private final int targetPort;
    private long seed = 1;
    private int faults = 100;
    private int outages = 3;
    private Duration meanGap = Duration.ofMillis(100);
    private Duration minOutage = Duration.ofSeconds(1);
    private Duration maxOutage = Duration.ofSeconds(3);

    private Builder(int targetPort) {
      this.targetPort = targetPort;
    }

    /**
     * The seed of every choice and gap (default 1).
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Faults to inject in all, outages included (default 100).
     *
     * @param faults how many
     * @return this builder
     */
    public Builder faults(int faults) {
      this.faults = faults;
      return this;
    }

    /**
     * Of those, at most this many outages (default 3).
     *
     * @param outages how many
     * @return this builder
     */
    public Builder outages(int outages) {
      this.outages = outages;
      return this;
    }

    /**
     * The mean time between faults (default 100 ms).
     *
     * @param gap the mean gap
     * @return this builder
     */
    public Builder meanGap(Duration gap) {
      this.meanGap = gap;
      return this;
    }

    /**
     * How long an outage lasts: uniform between these (default 1 to 3 s).
     *
     * @param min the shortest outage
     * @param max the longest outage
     * @return this builder
     */
    public Builder outageLength(Duration min, Duration max) {
      this.minOutage = min;
      this.maxOutage = max;
      return this;
    }

    /**
     * Opens the proxy's port and starts forwarding; faults start with {@link FaultInjectingProxy#startFaults()}.
     *
     * @return the proxy, listening on a free loopback port; close it when done
     * @throws IOException if no port can be bound
     */
    public FaultInjectingProxy start() throws IOException {
      return new FaultInjectingProxy(this);
    }
  }
}
