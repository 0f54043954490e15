package org.netduplex.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.jmx.JmxConfig;
import io.micrometer.jmx.JmxMeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/** JMX needs nothing of NetDuplex: Micrometer's JMX registry publishes the binder's meters as MBeans. */
class JmxExportTest {
  @Test
  void theMetersAreMBeansOfThePlatformServer() throws Exception {
    try (QuoteEndpoint endpoint = new QuoteEndpoint(DuplexServerConfig.builder().build())) {
      JmxMeterRegistry jmx = new JmxMeterRegistry(JmxConfig.DEFAULT, Clock.SYSTEM);
      new DuplexMeterBinder(endpoint.feature, Tags.of("endpoint", "jmxTest")).bindTo(jmx);
      new SoapHttp(endpoint.address).post(WireClient.REGISTER, WireClient.random().register());
      Eventually.await("session open", () -> endpoint.feature.metrics().openSessions() == 1);

      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      Set<ObjectName> names = server.queryNames(new ObjectName("metrics:name=netduplexSessionsOpen.endpoint.jmxTest,*"), null);
      Set<ObjectName> all = server.queryNames(new ObjectName("metrics:*"), null);
      assertEquals(1, names.size(), () -> "MBeans: " + all);
      assertEquals(1.0, ((Number) server.getAttribute(names.iterator().next(), "Value")).doubleValue());
      jmx.close();
    }
  }
}
