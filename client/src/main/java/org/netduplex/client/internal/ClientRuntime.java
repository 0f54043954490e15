package org.netduplex.client.internal;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.netduplex.core.SystemScheduler;

/**
 * The threads every client of a JVM shares: one HTTP client (one selector thread) whose completions
 * run on two I/O threads, a small callback pool and one timer thread. So a thousand clients cost a
 * handful of threads. Counted by its users; the last one to release it stops the threads.
 */
public final class ClientRuntime {
  private static ClientRuntime shared;
  private static int users;

  private final ExecutorService io;
  private final ExecutorService callbacks;
  private final SystemScheduler scheduler;
  private final HttpClient http;

  private ClientRuntime() {
    this.io = Executors.newFixedThreadPool(2, daemon("netduplex-client-io"));
    this.callbacks = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
        daemon("netduplex-client-callback"));
    this.scheduler = new SystemScheduler("netduplex-client-timer", 1);
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1) // WCF endpoints speak HTTP/1.1; no h2c upgrade attempts
        .connectTimeout(Duration.ofSeconds(10))
        .executor(io)
        .build();
  }

  public static synchronized ClientRuntime acquire() {
    if (shared == null) {
      shared = new ClientRuntime();
    }
    users++;
    return shared;
  }

  public static synchronized void release(ClientRuntime runtime) {
    if (runtime != shared || users == 0) {
      return;
    }
    if (--users == 0) {
      shared = null;
      runtime.io.shutdown();
      runtime.callbacks.shutdown();
      runtime.scheduler.close();
    }
  }

  public HttpClient http() {
    return http;
  }

  public ExecutorService io() {
    return io;
  }

  public ExecutorService callbacks() {
    return callbacks;
  }

  public SystemScheduler scheduler() {
    return scheduler;
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
