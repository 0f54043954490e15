package org.netduplex.server;

import java.util.ArrayList;
import java.util.List;
import org.netduplex.stock.IStockService;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;

/** A minimal StockService for engine tests: Register sends one quote, Sync echoes to every session. */
abstract class StockServiceLogic implements IStockService {
  final List<DuplexSession> registered = new ArrayList<>();
  volatile PollingDuplexFeature feature;

  static Stock stock(String symbol, double ask, double bid, String notes) {
    Stock s = new Stock();
    s.setSymbol(symbol);
    s.setAsk(ask);
    s.setBid(bid);
    s.setNotes(notes);
    return s;
  }

  @Override
  public synchronized void register() {
    DuplexSession caller = CallbackChannels.currentSession();
    registered.add(caller);
    CallbackChannels.current(IStockServiceCallback.class).update(stock("AAHH", 256.7, 256.02, null));
  }

  @Override
  public void sync(Stock stock) {
    feature.broadcast(IStockServiceCallback.class, c -> c.update(stock));
  }
}
