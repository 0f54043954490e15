package org.netduplex.spring.boot;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.netduplex.client.PollingDuplexClient;
import org.netduplex.micrometer.DuplexMeterBinder;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.DuplexSessionListener;
import org.netduplex.server.PollingDuplexFeature;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A {@link PollingDuplexFeature} from {@code netduplex.server.*} with every
 * {@link DuplexSessionListener} bean, closed first on shutdown; its health and meters; a
 * {@link PollingDuplexClientFactory} from {@code netduplex.client.*}. Add the feature to the CXF
 * endpoints you publish (as CXF's starter has you publish them); endpoints given the same feature
 * share its sessions, as a SOAP 1.1 and a SOAP 1.2 port of one service should.
 */
@AutoConfiguration(afterName = "org.apache.cxf.spring.boot.autoconfigure.CxfAutoConfiguration")
@EnableConfigurationProperties(NetDuplexServerProperties.class)
public class NetDuplexAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  DuplexServerConfig duplexServerConfig(NetDuplexServerProperties properties,
      ObjectProvider<DuplexSessionListener> listeners) {
    return properties.toConfig(CompositeSessionListener.of(listeners.orderedStream().toList()));
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  PollingDuplexFeature pollingDuplexFeature(DuplexServerConfig config) {
    return new PollingDuplexFeature(config);
  }

  @Bean
  DuplexShutdown duplexShutdown(List<PollingDuplexFeature> features) {
    return new DuplexShutdown(features);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterBinder.class)
  static class Metrics {
    @Bean
    MeterBinder duplexMeterBinder(PollingDuplexFeature pollingDuplexFeature) {
      return new DuplexMeterBinder(pollingDuplexFeature, Tags.of("endpoint", "pollingDuplexFeature"));
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  static class Health {
    @Bean(name = "netduplexHealthIndicator")
    @ConditionalOnMissingBean(name = "netduplexHealthIndicator")
    HealthIndicator netduplexHealthIndicator(PollingDuplexFeature pollingDuplexFeature) {
      return new DuplexHealthIndicator(pollingDuplexFeature);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(PollingDuplexClient.class)
  @EnableConfigurationProperties(NetDuplexClientProperties.class)
  static class Client {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty("netduplex.client.url")
    PollingDuplexClientFactory pollingDuplexClientFactory(NetDuplexClientProperties properties) {
      return new PollingDuplexClientFactory(properties.getUrl(), properties.toConfig());
    }
  }
}
