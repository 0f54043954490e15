package org.netduplex.samples.readme;

import jakarta.jws.WebService;
import org.netduplex.server.CallbackChannels;
import org.netduplex.server.DuplexGroups;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;

/** The cluster-ready service of the README's cluster section (kept compiling here; the README quotes it verbatim). */
// README:cluster-service-begin
@WebService(
    endpointInterface = "org.netduplex.stock.IStockService",
    wsdlLocation = "classpath:wsdl/StockService.wsdl",
    targetNamespace = "Silverlight",
    serviceName = "StockService",
    portName = "PollingDuplexHttpBinding_IStockService")
public class ClusterQuoteService implements IStockService {
  private final DuplexGroups groups;               // feature.groups(): kept by the store

  public ClusterQuoteService(DuplexGroups groups) {
    this.groups = groups;
  }

  @Override
  public void register() {                         // the member is in Redis: every node sees it
    groups.join("quotes", CallbackChannels.currentSession());
  }

  @Override
  public void sync(Stock stock) {                  // reaches the members of every node, encoded once
    groups.broadcast("quotes", IStockServiceCallback.class, c -> c.update(stock));
  }                                                // an ended session leaves its groups by itself
}
// README:cluster-service-end
