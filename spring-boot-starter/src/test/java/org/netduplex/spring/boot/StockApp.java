package org.netduplex.spring.boot;

import jakarta.xml.ws.Endpoint;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.netduplex.server.CallbackChannels;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.DuplexSessionListener;
import org.netduplex.server.PollingDuplexFeature;
import org.netduplex.server.SessionEndReason;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The sample Spring Boot app: the captured StockService, published through CXF's starter with polling duplex. */
@SpringBootApplication
public class StockApp {
  // README:boot-endpoint-begin
  @Bean
  Endpoint stockService(Bus bus, QuoteService service, PollingDuplexFeature duplex) {
    EndpointImpl endpoint = new EndpointImpl(bus, service);
    endpoint.getFeatures().add(duplex);   // netduplex.server.* configures it
    endpoint.publish("/StockService");    // under cxf.path, /services by default
    return endpoint;
  }
  // README:boot-endpoint-end

  @Bean
  QuoteService quoteService() {
    return new QuoteService();
  }

  /** Register sends a quote back; as a DuplexSessionListener bean it hears of sessions ending. */
  @jakarta.jws.WebService(
      serviceName = "StockService",
      portName = "PollingDuplexHttpBinding_IStockService",
      targetNamespace = "Silverlight",
      wsdlLocation = "classpath:wsdl/StockService.wsdl",
      endpointInterface = "org.netduplex.stock.IStockService")
  public static class QuoteService implements IStockService, DuplexSessionListener {
    final List<String> ended = new CopyOnWriteArrayList<>();

    @Override
    public void register() {
      Stock quote = new Stock();
      quote.setSymbol("AAHH");
      quote.setAsk(256.7);
      quote.setBid(256.02);
      CallbackChannels.current(IStockServiceCallback.class).update(quote);
    }

    @Override
    public void sync(Stock stock) {}

    @Override
    public void sessionEnded(DuplexSession session, SessionEndReason reason) {
      ended.add(reason.name());
    }
  }
}
