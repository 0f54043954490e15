package org.netduplex.interop.bench;

import jakarta.jws.WebService;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.netduplex.core.DuplexMode;
import org.netduplex.server.CallbackChannels;
import org.netduplex.server.CallbackQueueFullException;
import org.netduplex.server.DuplexMetrics;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.PollingDuplexFeature;
import org.netduplex.jetty.PollingDuplexJetty;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;
import org.netduplex.testing.WireClient;

/**
 * Scale benchmark of the server (a {@code main}, not a test; see interop-tests/BENCHMARK.md).
 *
 * <ol>
 *   <li>{@code parked}: a server in a child JVM, raw clients in further child JVMs (each process is
 *       capped by {@code ulimit -n}); sessions ramped in steps, each parking one MakeConnection poll;
 *       per step the server's parked polls, heap after GC, live threads, open files, bytes per session.
 *   <li>{@code latency}: server and clients in this JVM (one clock); the server enqueues at a fixed
 *       rate, stamping {@code System.nanoTime()} into {@code Stock.Notes}; clients re-poll at once;
 *       enqueue-to-receive percentiles against a one-way call round trip measured in the same run.
 * </ol>
 *
 * <p>Settings are system properties: {@code steps} (5000,10000,20000,50000), {@code serverThreads}
 * (32), {@code serverXmx} (2g), {@code clientsPerProcess} (18000), {@code sessions} (1000),
 * {@code rate} (10000), {@code warmupSeconds} (5), {@code seconds} (20).
 */
public final class ScaleBenchmark {
  private static final String PROTO = "@@";
  private static final int SERVER_THREADS = Integer.getInteger("serverThreads", 32);
  private static final String[] LOOPBACKS = {"127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4"};

  private ScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length == 0 ? "all" : args[0];
    if (!mode.equals("server")) {
      Logger.getLogger("").setLevel(Level.SEVERE); // CXF/Jetty start-up and shut-down chatter; the server child keeps WARNING
    }
    switch (mode) {
      case "server" -> serverChild(Integer.parseInt(args[1]));
      case "clients" -> clientChild(Integer.parseInt(args[1]));
      case "parked" -> parkedSessions();
      case "latency" -> latencyRuns();
      case "all" -> {
        parkedSessions();
        latencyRuns();
      }
      default -> throw new IllegalArgumentException("usage: ScaleBenchmark [all|parked|latency]");
    }
    System.exit(0);
  }

  // ---------------------------------------------------------------------------------------------
  // The server under test

  /** StockService reduced to what the benchmark needs: Register subscribes, nothing is queued. */
  @WebService(
      serviceName = "StockService",
      portName = "PollingDuplexHttpBinding_IStockService",
      targetNamespace = "Silverlight",
      wsdlLocation = "classpath:wsdl/StockService.wsdl",
      endpointInterface = "org.netduplex.stock.IStockService")
  public static class BenchService implements IStockService {
    final Set<DuplexSession> sessions = ConcurrentHashMap.newKeySet();

    @Override
    public void register() {
      sessions.add(CallbackChannels.currentSession());
    }

    @Override
    public void sync(Stock stock) {}
  }

  static final class BenchServer implements AutoCloseable {
    final Bus bus = BusFactory.newInstance().createBus();
    final BenchService service = new BenchService();
    final PollingDuplexFeature duplex;
    final Server server;

    BenchServer(String host, int port, Duration pollTimeout) {
      this(host, port, pollTimeout, DuplexMode.SINGLE_MESSAGE_PER_POLL);
    }

    BenchServer(String host, int port, Duration pollTimeout, DuplexMode mode) {
      duplex = new PollingDuplexFeature(DuplexServerConfig.builder()
          .duplexMode(mode)
          .pollTimeout(pollTimeout)
          .inactivityTimeout(Duration.ofHours(1))
          .maxSessions(200_000)
          .build());
      PollingDuplexJetty.preparePort(bus, host, port, SERVER_THREADS);
      Integer headerCache = Integer.getInteger("headerCacheSize"); // null when unset or empty
      if (headerCache != null) {
        // Experiment: override PollingDuplexJetty's header cache size (0). Jetty's own default, 1,024, is a
        // 64 KiB char[] per connection (HttpParser's field cache, an ArrayTrie), i.e. per parked poll.
        ServerConnector connector = (ServerConnector) bus.getExtension(JettyHTTPServerEngineFactory.class)
            .retrieveJettyHTTPServerEngine(port).getConnector();
        connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration()
            .setHeaderCacheSize(headerCache);
      }
      JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
      factory.setBus(bus);
      factory.setServiceClass(BenchService.class);
      factory.setServiceBean(service);
      factory.setAddress("http://" + host + ":" + port + "/StockService");
      factory.getFeatures().add(duplex);
      server = factory.create();
    }

    @Override
    public void close() {
      server.destroy();
      duplex.close();
      bus.shutdown(true);
    }
  }

  static long heapUsedAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static int openFiles() {
    String[] fds = new File("/proc/self/fd").list();
    return fds == null ? -1 : fds.length;
  }

  static int serverThreads() {
    return (int) Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("netduplex-http")).count();
  }

  // ---------------------------------------------------------------------------------------------
  // Phase 1: parked sessions

  /** The server child: answers "metrics" and "stats" (after GC) on stdout until "quit". */
  static void serverChild(int port) throws Exception {
    BenchServer s = new BenchServer("0.0.0.0", port, Duration.ofMinutes(30));
    System.out.println(PROTO + "READY");
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null && !line.equals("quit"); ) {
      DuplexMetrics m = s.duplex.metrics();
      long heap = line.equals("stats") ? heapUsedAfterGc() : -1;
      System.out.println(PROTO + "STATS " + m.parkedPolls() + " " + m.openSessions() + " " + heap + " "
          + ManagementFactory.getThreadMXBean().getThreadCount() + " " + serverThreads() + " " + openFiles() + " "
          + ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
              .filter(a -> a.startsWith("-Xmx")).findFirst().orElse("-"));
    }
    s.close();
  }

  /** A client child: "add N" registers N sessions, each parking one poll; answers "@@ADDED ok failed polls-ended firstError". */
  static void clientChild(int port) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(20)).build();
    AtomicLong pollsEnded = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>("-");
    int next = 0;
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null && !line.equals("quit"); ) {
      if (!line.startsWith("add ")) {
        continue;
      }
      int n = Integer.parseInt(line.substring(4));
      Semaphore inFlight = new Semaphore(256);
      AtomicInteger ok = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      CountDownLatch done = new CountDownLatch(n);
      for (int i = 0; i < n; i++, next++) {
        if (failed.get() >= 512) { // the server stopped accepting; don't wait out every timeout
          done.countDown();
          continue;
        }
        inFlight.acquire();
        URI uri = URI.create("http://" + LOOPBACKS[next % LOOPBACKS.length] + ":" + port + "/StockService");
        WireClient c = WireClient.random();
        http.sendAsync(request(uri, WireClient.REGISTER, c.register(), Duration.ofSeconds(30)),
            HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
              inFlight.release();
              if (e != null || r.statusCode() != 200) {
                failed.incrementAndGet();
                firstError.compareAndSet("-", e != null ? e.toString() : "HTTP " + r.statusCode());
              } else {
                ok.incrementAndGet();
                http.sendAsync(request(uri, WireClient.MAKE_CONNECTION, c.makeConnection(), Duration.ofMinutes(30)),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((pr, pe) -> {
                      pollsEnded.incrementAndGet();
                      if (pe != null) {
                        firstError.compareAndSet("-", "poll: " + pe);
                      }
                    });
              }
              done.countDown();
            });
      }
      done.await(10, TimeUnit.MINUTES);
      System.out.println(PROTO + "ADDED " + ok + " " + failed + " " + pollsEnded + " "
          + firstError.get().replace(' ', '_'));
    }
  }

  static HttpRequest request(URI uri, String action, String body, Duration timeout) {
    return HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Content-Type", "text/xml; charset=utf-8")
        .header("SOAPAction", "\"" + action + "\"")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  /** One child JVM spoken to over stdin/stdout. */
  static final class Child implements AutoCloseable {
    final Process process;
    final PrintWriter out;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    Child(String name, String xmx, String... args) throws IOException {
      List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
          "-Xmx" + xmx, "-DheaderCacheSize=" + System.getProperty("headerCacheSize", ""), "-cp", System.getProperty("java.class.path"), ScaleBenchmark.class.getName()));
      cmd.addAll(Arrays.asList(args));
      Path log = Path.of(System.getProperty("java.io.tmpdir"), "scale-benchmark-" + name + ".log");
      process = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
      out = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
      Thread reader = new Thread(() -> {
        try (BufferedReader r = process.inputReader(StandardCharsets.UTF_8)) {
          for (String l; (l = r.readLine()) != null; ) {
            if (l.startsWith(PROTO)) {
              lines.add(l.substring(PROTO.length()));
            }
          }
        } catch (IOException ignored) {
          // the child ended
        }
      }, name + "-reader");
      reader.setDaemon(true);
      reader.start();
    }

    String ask(String command, Duration timeout) throws InterruptedException {
      out.println(command);
      return expect(timeout);
    }

    String expect(Duration timeout) throws InterruptedException {
      String l = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (l == null) {
        throw new IllegalStateException("no answer from child within " + timeout);
      }
      return l;
    }

    @Override
    public void close() throws InterruptedException {
      out.println("quit");
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  record ServerStats(int parked, int open, long heap, int threads, int httpThreads, int files) {
    static ServerStats parse(String line) {
      String[] f = line.split(" ");
      return new ServerStats(Integer.parseInt(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]),
          Integer.parseInt(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6]));
    }
  }

  static void parkedSessions() throws Exception {
    int[] steps = Arrays.stream(System.getProperty("steps", "5000,10000,20000,50000").split(","))
        .mapToInt(Integer::parseInt).toArray();
    int perProcess = Integer.getInteger("clientsPerProcess", 18_000);
    String serverXmx = System.getProperty("serverXmx", "2g");
    int port = Integer.getInteger("port", 10290);
    System.out.printf("%n== Phase 1: parked sessions (server: child JVM -Xmx%s, %d request threads; clients: child JVMs"
        + " of at most %d sessions each; ulimit -n %s; load average %s)%n", serverXmx, SERVER_THREADS, perProcess,
        ulimit(), loadAverage());
    List<Child> clients = new ArrayList<>();
    List<Integer> clientLoad = new ArrayList<>();
    try (Child server = new Child("server", serverXmx, "server", Integer.toString(port))) {
      server.expect(Duration.ofSeconds(60));
      ServerStats base = ServerStats.parse(server.ask("stats", Duration.ofSeconds(60)));
      System.out.printf("idle server: heap after GC %.1f MiB, %d live threads (%d request threads), %d open files%n",
          base.heap / 1048576.0, base.threads, base.httpThreads, base.files);
      System.out.printf("%8s %8s %8s %10s %8s %8s %8s %10s %10s %7s  %s%n", "target", "parked", "sessions", "heap MiB",
          "threads", "http-thr", "files", "B/session", "B/marg.", "ramp s", "client errors");
      int total = 0;
      ServerStats prev = base;
      String histogram = "";
      for (int target : steps) {
        long t0 = System.nanoTime();
        int need = target - total;
        List<Child> asked = new ArrayList<>();
        for (int i = 0; need > 0; i++) {
          if (i == clients.size()) {
            clients.add(new Child("clients-" + i, "1g", "clients", Integer.toString(port)));
            clientLoad.add(0);
          }
          int add = Math.min(need, perProcess - clientLoad.get(i));
          if (add > 0) {
            clients.get(i).out.println("add " + add);
            clientLoad.set(i, clientLoad.get(i) + add);
            asked.add(clients.get(i));
            need -= add;
          }
        }
        int ok = 0;
        int failed = 0;
        long pollsEnded = 0;
        String errors = "";
        for (Child c : asked) {
          String[] a = c.expect(Duration.ofMinutes(11)).split(" ", 5);
          ok += Integer.parseInt(a[1]);
          failed += Integer.parseInt(a[2]);
          pollsEnded += Long.parseLong(a[3]);
          if (!a[4].equals("-")) {
            errors = a[4].replace('_', ' ');
          }
        }
        total = target;
        // Wait until the polls sent after the registrations are parked (or stop arriving).
        int last = -1;
        ServerStats s = ServerStats.parse(server.ask("metrics", Duration.ofSeconds(60)));
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            s.parked < ok && s.parked != last && System.nanoTime() < deadline; ) {
          last = s.parked;
          Thread.sleep(3_000);
          s = ServerStats.parse(server.ask("metrics", Duration.ofSeconds(60)));
        }
        double rampSeconds = (System.nanoTime() - t0) / 1e9;
        s = ServerStats.parse(server.ask("stats", Duration.ofSeconds(120)));
        System.out.printf("%8d %8d %8d %10.1f %8d %8d %8d %10.0f %10.0f %7.1f  %s%n", target, s.parked, s.open,
            s.heap / 1048576.0, s.threads, s.httpThreads, s.files,
            s.parked == 0 ? 0.0 : (double) (s.heap - base.heap) / s.parked,
            s.parked == prev.parked ? 0.0 : (double) (s.heap - prev.heap) / (s.parked - prev.parked), rampSeconds,
            failed == 0 && pollsEnded == 0 ? "none"
                : failed + " registrations failed, " + pollsEnded + " polls ended early; first: " + errors);
        prev = s;
        if (s.parked < target) {
          System.out.printf("step %d FAILED: %d of %d polls parked (%d sessions open). %s%n", target, s.parked, target,
              s.open, serverLogHint());
          break;
        }
        histogram = histogram(server.process.pid());
      }
      System.out.println("server heap histogram at the last step that passed (top 20 classes):");
      System.out.print(histogram);
    } finally {
      for (Child c : clients) {
        c.close();
      }
    }
  }

  /** The top of the server's live heap histogram: where the bytes per parked session go. */
  static String histogram(long pid) throws IOException, InterruptedException {
    Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
    Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram").start();
    List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    p.waitFor();
    StringBuilder top = new StringBuilder();
    lines.stream().skip(1).limit(23).forEach(l -> top.append(l).append('\n'));
    return top.toString();
  }

  static String serverLogHint() throws IOException {
    Path log = Path.of(System.getProperty("java.io.tmpdir"), "scale-benchmark-server.log");
    if (!Files.exists(log)) {
      return "";
    }
    long tooMany = Files.readAllLines(log).stream().filter(l -> l.contains("Too many open files")).count();
    return "Server log " + log + ": " + tooMany + " lines with 'Too many open files'.";
  }

  static String ulimit() {
    try {
      Process p = new ProcessBuilder("sh", "-c", "ulimit -n").start();
      return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return "?";
    }
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Phase 2: latency at rate

  private static final Pattern NOTES = Pattern.compile("Notes>(\\d+)</");

  /** Runs of {@code -Druns=rate:mode,...} (mode single or batch); default 10000:single,10000:batch,2000:single. */
  static void latencyRuns() throws Exception {
    int port = Integer.getInteger("port", 10290) + 1;
    for (String run : System.getProperty("runs", "10000:single,10000:batch,2000:single").split(",")) {
      String[] r = run.split(":");
      latencyAtRate(Integer.parseInt(r[0]), r.length > 1 && r[1].equals("batch"), port++);
    }
  }

  static void latencyAtRate(int rate, boolean batch, int port) throws Exception {
    int sessions = Integer.getInteger("sessions", 1_000);
    int warmupSeconds = Integer.getInteger("warmupSeconds", 5);
    int seconds = Integer.getInteger("seconds", 20);
    System.out.printf("%n== Phase 2: latency at rate (server and clients in this JVM, %d request threads; %d sessions;"
        + " %d msg/s; %s; warm-up %d s, measured %d s; load average %s)%n", SERVER_THREADS, sessions, rate,
        batch ? "MULTIPLE_MESSAGES_PER_POLL (batched answers)" : "SINGLE_MESSAGE_PER_POLL", warmupSeconds,
        seconds, loadAverage());
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(20)).build();
    try (BenchServer server = new BenchServer("127.0.0.1", port, Duration.ofSeconds(15),
        batch ? DuplexMode.MULTIPLE_MESSAGES_PER_POLL : DuplexMode.SINGLE_MESSAGE_PER_POLL)) {
      URI uri = URI.create("http://127.0.0.1:" + port + "/StockService");

      // Baseline: a one-way call (Register of a known session: 200, empty body) on the same client and server.
      WireClient probe = WireClient.random();
      String probeBody = probe.register();
      long[] baseline = new long[5_000];
      for (int i = -2_000; i < baseline.length; i++) {
        long t = System.nanoTime();
        HttpResponse<String> r = http.send(request(uri, WireClient.REGISTER, probeBody, Duration.ofSeconds(10)),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          throw new IllegalStateException("baseline call answered " + r.statusCode());
        }
        if (i >= 0) {
          baseline[i] = System.nanoTime() - t;
        }
      }
      server.service.sessions.clear();
      Arrays.sort(baseline);

      List<WireClient> clients = new ArrayList<>();
      for (int i = 0; i < sessions; i++) {
        WireClient c = WireClient.random();
        clients.add(c);
        http.send(request(uri, WireClient.REGISTER, c.register(), Duration.ofSeconds(10)),
            HttpResponse.BodyHandlers.ofString());
      }
      while (server.service.sessions.size() < sessions) {
        Thread.sleep(10); // one-way calls are answered before they run
      }
      List<IStockServiceCallback> callbacks = new ArrayList<>();
      for (DuplexSession s : server.service.sessions) {
        callbacks.add(s.callback(IStockServiceCallback.class));
      }
      long[] samples = new long[(int) (rate * (long) seconds * 1.2) + 1000];
      AtomicInteger sampleCount = new AtomicInteger();
      AtomicLong received = new AtomicLong();
      AtomicLong receivedInWindow = new AtomicLong();
      AtomicLong pollErrors = new AtomicLong();
      long start = System.nanoTime();
      long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
      long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
      volatileStop = false;
      for (WireClient c : clients) {
        poll(http, uri, c, batch, samples, sampleCount, received, receivedInWindow, pollErrors, measureFrom, measureTo);
      }
      while (server.duplex.metrics().parkedPolls() < sessions) {
        Thread.sleep(50);
      }

      // The producer: enqueue at a fixed rate, round robin over the sessions, the enqueue time in Notes.
      long sent = 0;
      long sentInWindow = 0;
      long refused = 0;
      long producerStart = System.nanoTime();
      long runTo = measureTo + TimeUnit.SECONDS.toNanos(1);
      int maxHttpThreads = 0;
      long lastThreadCheck = 0;
      while (true) {
        long now = System.nanoTime();
        if (now >= runTo) {
          break;
        }
        long due = (now - producerStart) * rate / 1_000_000_000L;
        while (sent < due) {
          Stock s = new Stock();
          s.setSymbol("AAHH");
          s.setAsk(256.7);
          s.setBid(256.02);
          long stamp = System.nanoTime();
          s.setNotes(Long.toString(stamp));
          try {
            callbacks.get((int) (sent % callbacks.size())).update(s);
            if (stamp >= measureFrom && stamp < measureTo) {
              sentInWindow++;
            }
          } catch (CallbackQueueFullException e) {
            refused++;
          }
          sent++;
        }
        if (now - lastThreadCheck > 1_000_000_000L) {
          maxHttpThreads = Math.max(maxHttpThreads, serverThreads());
          lastThreadCheck = now;
        }
        LockSupport.parkNanos(100_000);
      }
      Thread.sleep(2_000); // let the last messages of the window arrive
      volatileStop = true;
      Thread.sleep(500);
      int n = Math.min(sampleCount.get(), samples.length);
      long[] lat = Arrays.copyOf(samples, n);
      Arrays.sort(lat);
      DuplexMetrics m = server.duplex.metrics();
      System.out.printf("baseline one-way call round trip (same HttpClient and server, sequential, %d calls):"
          + " p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n", baseline.length, ms(pct(baseline, 50)),
          ms(pct(baseline, 99)), ms(pct(baseline, 99.9)), ms(baseline[baseline.length - 1]));
      System.out.printf("enqueued in window %d (%.0f msg/s achieved); received in window %d (%.0f msg/s), of them"
          + " enqueued in the window %d; refused (queue full) %d, poll errors %d, server request threads peak %d%n",
          sentInWindow, sentInWindow / (double) seconds, receivedInWindow.get(),
          receivedInWindow.get() / (double) seconds, n, refused, pollErrors.get(), maxHttpThreads);
      if (lat.length == 0) {
        System.out.printf("no message received in the window (received in all %d, delivered %d)%n", received.get(),
            m.messagesDelivered());
        return;
      }
      System.out.printf("enqueue-to-receive (messages enqueued in the window%s): p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n",
          n < sentInWindow * 0.99 ? ", ONLY " + n + " OF " + sentInWindow + " ARRIVED" : "",
          ms(pct(lat, 50)), ms(pct(lat, 99)), ms(pct(lat, 99.9)), ms(lat[lat.length - 1]));
      System.out.printf("ratio to baseline: p50 %.2fx, p99 %.2fx%n", pct(lat, 50) / (double) pct(baseline, 50),
          pct(lat, 99) / (double) pct(baseline, 99));
      System.out.printf("server totals: enqueued %d, delivered %d, still queued %d, polls answered with messages %d,"
          + " empty %d; load average %s%n", m.messagesQueued(), m.messagesDelivered(), m.queuedMessages(),
          m.pollsAnsweredWithMessages(), m.pollsAnsweredEmpty(), loadAverage());
    }
  }

  private static volatile boolean volatileStop;

  private static void poll(HttpClient http, URI uri, WireClient c, boolean batch, long[] samples, AtomicInteger count,
      AtomicLong received, AtomicLong receivedInWindow, AtomicLong errors, long from, long to) {
    if (volatileStop) {
      return;
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "text/xml; charset=utf-8")
        .header("SOAPAction", "\"" + WireClient.MAKE_CONNECTION + "\"")
        .POST(HttpRequest.BodyPublishers.ofString(c.makeConnection(), StandardCharsets.UTF_8));
    if (batch) {
      b.header("Accept", "multipart/mixed, text/xml; charset=utf-8");
    }
    http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
          long now = System.nanoTime();
          if (e != null || r.statusCode() != 200) {
            errors.incrementAndGet();
          } else {
            Matcher m = NOTES.matcher(r.body());
            while (m.find()) {
              long stamp = Long.parseLong(m.group(1));
              received.incrementAndGet();
              if (now >= from && now < to) {
                receivedInWindow.incrementAndGet();
              }
              if (stamp >= from && stamp < to) {
                int i = count.getAndIncrement();
                if (i < samples.length) {
                  samples[i] = now - stamp;
                }
              }
            }
          }
          poll(http, uri, c, batch, samples, count, received, receivedInWindow, errors, from, to);
        });
  }

  private static long pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
