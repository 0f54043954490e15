package org.netduplex.spring.boot;

import java.util.List;
import org.netduplex.server.PollingDuplexFeature;
import org.springframework.context.SmartLifecycle;

/**
 * Closes the polling duplex features first when the context stops: every parked poll is answered
 * 200-empty and every session ends ({@code SERVER_STOPPED}) while the web server still serves.
 * Otherwise the web server's graceful shutdown, which runs before CXF's bus is shut down, would wait
 * for each parked poll until its poll timeout (or {@code spring.lifecycle.timeout-per-shutdown-phase}).
 */
final class DuplexShutdown implements SmartLifecycle {
  private final List<PollingDuplexFeature> features;
  private volatile boolean running;

  DuplexShutdown(List<PollingDuplexFeature> features) {
    this.features = List.copyOf(features);
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    features.forEach(PollingDuplexFeature::close);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops before the web server's graceful shutdown (Boot's phase {@code DEFAULT_PHASE - 1024}). */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }
}
