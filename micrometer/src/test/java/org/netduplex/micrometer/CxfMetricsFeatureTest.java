package org.netduplex.micrometer;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.cxf.metrics.MetricsFeature;
import org.apache.cxf.metrics.micrometer.MicrometerMetricsProperties;
import org.apache.cxf.metrics.micrometer.MicrometerMetricsProvider;
import org.apache.cxf.metrics.micrometer.provider.DefaultExceptionClassProvider;
import org.apache.cxf.metrics.micrometer.provider.DefaultTimedAnnotationProvider;
import org.apache.cxf.metrics.micrometer.provider.StandardTags;
import org.apache.cxf.metrics.micrometer.provider.StandardTagsProvider;
import org.apache.cxf.metrics.micrometer.provider.jaxws.JaxwsFaultCodeProvider;
import org.apache.cxf.metrics.micrometer.provider.jaxws.JaxwsFaultCodeTagsCustomizer;
import org.apache.cxf.metrics.micrometer.provider.jaxws.JaxwsOperationTagsCustomizer;
import org.apache.cxf.metrics.micrometer.provider.jaxws.JaxwsTags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/** What CXF's own {@code MetricsFeature} records on a polling duplex endpoint: its calls, not its polls. */
class CxfMetricsFeatureTest {
  private final MockClock clock = new MockClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
  private final QuoteEndpoint endpoint = new QuoteEndpoint(
      DuplexServerConfig.builder().pollTimeout(Duration.ofMillis(500)).build(), // real time: see below
      new MetricsFeature(cxfProvider()));
  private final SoapHttp http = new SoapHttp(endpoint.address);

  private MicrometerMetricsProvider cxfProvider() {
    JaxwsTags jaxws = new JaxwsTags();
    return new MicrometerMetricsProvider(registry,
        new StandardTagsProvider(new DefaultExceptionClassProvider(), new StandardTags()),
        List.of(new JaxwsOperationTagsCustomizer(jaxws), new JaxwsFaultCodeTagsCustomizer(jaxws, new JaxwsFaultCodeProvider())),
        new DefaultTimedAnnotationProvider(), new MicrometerMetricsProperties());
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  /**
   * CXF starts its request timer when a request arrives and stops it when the answer goes through
   * CXF's out chain. NetDuplex answers a poll from its own interceptor and ends the chain there, so a
   * poll never reaches the timer's stop: a poll parked for 15 s records nothing, and neither does a
   * poll answered with a message. The service calls are timed as usual. Poll figures come from
   * {@link DuplexMeterBinder}'s meters instead.
   */
  @Test
  void aParkedPollIsNotTimedAsARequest() {
    WireClient client = WireClient.random();
    http.post(WireClient.REGISTER, client.register());
    Eventually.await("Register's quote queued", () -> endpoint.feature.metrics().messagesQueued() == 1);
    http.post(WireClient.MAKE_CONNECTION, client.makeConnection()); // answered with the quote
    CompletableFuture<HttpResponse<String>> parked = http.postAsync(WireClient.MAKE_CONNECTION, client.makeConnection());
    Eventually.await("poll parked", () -> endpoint.feature.metrics().parkedPolls() == 1);

    // CXF's timers run on the registry's clock: the poll has waited 15 s for them. Its timeout is real
    // (500 ms), not a FakeScheduler's: one woken right after parking can miss its resume (the report of issue 15).
    clock.add(Duration.ofSeconds(15));
    assertEquals("", parked.orTimeout(10, TimeUnit.SECONDS).join().body());
    assertEquals(1, endpoint.feature.metrics().pollsAnsweredEmpty());
    assertEquals(1, endpoint.feature.metrics().pollsAnsweredWithMessages());

    List<Timer> timers = List.copyOf(registry.find("cxf.server.requests").timers());
    assertEquals(1, timers.size(), () -> "one timer, Register's: " + ids(timers));
    Timer register = timers.get(0);
    assertEquals("Register", register.getId().getTag("operation"));
    assertEquals(1, register.count()); // the call; neither poll
    assertEquals(0, register.max(TimeUnit.MILLISECONDS), () -> ids(timers)); // no 15 s sample anywhere
  }

  private static String ids(List<Timer> timers) {
    return timers.stream().map(t -> t.getId() + " count=" + t.count() + " max=" + t.max(TimeUnit.MILLISECONDS) + "ms")
        .toList().toString();
  }
}
