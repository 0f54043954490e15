package org.netduplex.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.netduplex.stock.IStockServiceCallback;
import org.netduplex.stock.Stock;

/** A callback implementation and client listener that remembers everything it is told. */
final class Recorder implements IStockServiceCallback, ClientListener {
  final LinkedBlockingQueue<Stock> quotes = new LinkedBlockingQueue<>();
  final List<String> callbackThreads = new CopyOnWriteArrayList<>();
  final List<ClientState> states = new CopyOnWriteArrayList<>();
  final List<Throwable> causes = new CopyOnWriteArrayList<>();
  final List<String> rejections = new CopyOnWriteArrayList<>();
  final List<String> droppedReplies = new CopyOnWriteArrayList<>();

  @Override
  public void update(Stock stock) {
    callbackThreads.add(Thread.currentThread().getName());
    quotes.add(stock);
  }

  @Override
  public void stateChanged(ClientState from, ClientState to, Throwable cause) {
    states.add(to);
    if (cause != null) {
      causes.add(cause);
    }
  }

  @Override
  public void replyDropped(String relatesTo) {
    droppedReplies.add(relatesTo);
  }

  @Override
  public void messageRejected(String reason, Throwable cause) {
    rejections.add(reason);
  }

  /** The next quote, or an AssertionError after {@code wait}. */
  Stock next(Duration wait) throws InterruptedException {
    Stock s = quotes.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (s == null) {
      throw new AssertionError("no callback within " + wait + "; states " + states + ", causes " + causes
          + ", rejections " + rejections);
    }
    return s;
  }
}
