package org.netduplex.spring.boot;

import org.netduplex.server.DuplexMetrics;
import org.netduplex.server.PollingDuplexFeature;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health/netduplex}: UP with the endpoint's open sessions, parked polls and pending
 * messages; OUT_OF_SERVICE while it is at {@code max-sessions} (a new client gets
 * {@code ndf:ServerTooBusy}), so a load balancer can send new clients elsewhere.
 */
final class DuplexHealthIndicator implements HealthIndicator {
  private final PollingDuplexFeature feature;

  DuplexHealthIndicator(PollingDuplexFeature feature) {
    this.feature = feature;
  }

  @Override
  public Health health() {
    DuplexMetrics m = feature.metrics();
    Health.Builder health = m.openSessions() >= feature.config().maxSessions() ? Health.outOfService() : Health.up();
    return health.withDetail("openSessions", m.openSessions())
        .withDetail("maxSessions", feature.config().maxSessions())
        .withDetail("parkedPolls", m.parkedPolls())
        .withDetail("pendingMessages", m.queuedMessages())
        .build();
  }
}
