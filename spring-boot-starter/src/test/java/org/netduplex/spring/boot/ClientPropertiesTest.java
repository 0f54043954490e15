package org.netduplex.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.client.WireFormat;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code netduplex.client.*} makes the client factory, with DuplexClientConfig's defaults for what is not set. */
class ClientPropertiesTest {
  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(NetDuplexAutoConfiguration.class));

  @Test
  void aUrlMakesTheFactoryWithTheClientSettings() {
    context.withPropertyValues("netduplex.client.url=http://localhost:8080/services/StockService",
            "netduplex.client.wire-format=SOAP12_BINARY", "netduplex.client.reply-timeout=5s")
        .run(c -> {
          DuplexClientConfig config = c.getBean(PollingDuplexClientFactory.class).config();
          assertEquals(WireFormat.SOAP12_BINARY, config.wireFormat());
          assertEquals(Duration.ofSeconds(5), config.replyTimeout());
          assertEquals(DuplexClientConfig.builder().build().clientPollTimeout(), config.clientPollTimeout());
        });
  }

  @Test
  void withoutAUrlThereIsNoFactory() {
    context.run(c -> assertEquals(0, c.getBeansOfType(PollingDuplexClientFactory.class).size()));
  }
}
