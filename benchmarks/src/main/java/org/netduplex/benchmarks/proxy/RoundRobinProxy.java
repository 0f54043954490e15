package org.netduplex.benchmarks.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain round-robin TCP balancer, as a cluster's load balancer would be: each new connection goes
 * to the next backend in turn and stays there; the bytes are not read, so one client's register, poll
 * and call land on whichever node their connection reached. One selector thread moves every byte, so
 * its CPU is one figure; each link costs two file descriptors and two 16 KB buffers.
 */
public final class RoundRobinProxy implements AutoCloseable {
  private static final int BUFFER = 16 * 1024;

  private final List<InetSocketAddress> backends;
  private final ServerSocketChannel listener;
  private final Selector selector;
  private final Thread thread;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong open = new AtomicLong();
  private volatile String firstError = "none";
  private int next;

  /**
   * Listens on all interfaces, port {@code port} (0: any free one), and forwards to {@code backends}.
   *
   * @param port the port to listen on
   * @param backends where connections go, in turn
   * @throws IOException if the port cannot be bound
   */
  public RoundRobinProxy(int port, List<InetSocketAddress> backends) throws IOException {
    if (backends.isEmpty()) {
      throw new IllegalArgumentException("no backends");
    }
    this.backends = List.copyOf(backends);
    selector = Selector.open();
    listener = ServerSocketChannel.open();
    listener.bind(new InetSocketAddress(port), 4096);
    listener.configureBlocking(false);
    listener.register(selector, SelectionKey.OP_ACCEPT);
    thread = new Thread(this::loop, "round-robin-proxy");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The port it listens on.
   *
   * @return the bound port
   */
  public int port() {
    return listener.socket().getLocalPort();
  }

  /**
   * What it carried so far, as the runner's {@code key=value} words.
   *
   * @return accepted and open connections, and the first error seen
   */
  public String stats() {
    return "accepted=" + accepted.get() + " open=" + open.get() + " firstError=" + firstError;
  }

  private void loop() {
    try {
      while (listener.isOpen()) {
        selector.select();
        for (SelectionKey key : selector.selectedKeys()) {
          if (!key.isValid()) {
            continue;
          }
          if (key.isAcceptable()) {
            accept();
          } else {
            ((Link) key.attachment()).ready(key);
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException | RuntimeException e) {
      if (listener.isOpen()) {
        error(e);
      }
    }
  }

  private void accept() throws IOException {
    while (true) {
      SocketChannel client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        // Out of file descriptors: the connection waits in the backlog; the links already open go on.
        error(e);
        return;
      }
      if (client == null) {
        return;
      }
      accepted.incrementAndGet();
      InetSocketAddress backend = backends.get(next);
      next = (next + 1) % backends.size();
      SocketChannel server = null;
      try {
        client.configureBlocking(false);
        server = SocketChannel.open();
        server.configureBlocking(false);
        server.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
        client.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
        Link link = new Link(client, server);
        if (server.connect(backend)) {
          link.connected(); // loopback may connect at once
        } else {
          link.serverKey = server.register(selector, SelectionKey.OP_CONNECT, link);
        }
        open.incrementAndGet();
      } catch (IOException e) {
        // Out of file descriptors, say: this connection is refused, the others go on.
        error(e);
        client.close();
        if (server != null) {
          server.close();
        }
      }
    }
  }

  private void error(Exception e) {
    if ("none".equals(firstError)) {
      firstError = String.valueOf(e).replaceAll("\\s+", "_");
    }
  }

  /** One proxied connection: the client's side, the backend's, and the bytes each way. */
  private final class Link {
    final SocketChannel client;
    final SocketChannel server;
    final Pipe up;
    final Pipe down;
    SelectionKey clientKey;
    SelectionKey serverKey;
    private boolean closed;

    Link(SocketChannel client, SocketChannel server) {
      this.client = client;
      this.server = server;
      up = new Pipe(this, true);
      down = new Pipe(this, false);
    }

    void ready(SelectionKey key) {
      try {
        if (key.isConnectable()) {
          if (server.finishConnect()) {
            connected();
          }
          return;
        }
        boolean clientSide = key == clientKey;
        if (key.isWritable()) {
          (clientSide ? down : up).flush();
        }
        if (key.isValid() && key.isReadable()) {
          (clientSide ? up : down).read();
        }
      } catch (IOException | CancelledKeyException e) {
        close();
      }
    }

    /** The backend accepted: both sides start reading. */
    void connected() throws IOException {
      if (serverKey == null) {
        serverKey = server.register(selector, SelectionKey.OP_READ, this);
      } else {
        serverKey.interestOps(SelectionKey.OP_READ);
      }
      clientKey = client.register(selector, SelectionKey.OP_READ, this);
    }

    void close() {
      if (closed) {
        return;
      }
      closed = true;
      open.decrementAndGet();
      for (SocketChannel c : List.of(client, server)) {
        try {
          c.close();
        } catch (IOException e) {
          // closing anyway
        }
      }
    }
  }

  /**
   * Bytes one way: read while the buffer is empty, written until it is, so a slow reader on one side
   * stops the proxy reading from the other (no unbounded buffering).
   */
  private static final class Pipe {
    final Link link;
    final boolean up;
    final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);

    Pipe(Link link, boolean up) {
      this.link = link;
      this.up = up;
    }

    void read() throws IOException {
      if ((up ? link.client : link.server).read(buffer) < 0) {
        link.close();
        return;
      }
      buffer.flip();
      flush();
    }

    void flush() throws IOException {
      (up ? link.server : link.client).write(buffer);
      SelectionKey from = up ? link.clientKey : link.serverKey;
      SelectionKey to = up ? link.serverKey : link.clientKey;
      if (buffer.hasRemaining()) {
        from.interestOps(from.interestOps() & ~SelectionKey.OP_READ);
        to.interestOps(to.interestOps() | SelectionKey.OP_WRITE);
      } else {
        buffer.clear();
        from.interestOps(from.interestOps() | SelectionKey.OP_READ);
        to.interestOps(to.interestOps() & ~SelectionKey.OP_WRITE);
      }
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    selector.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (SelectionKey key : selector.keys()) {
      key.channel().close();
    }
    selector.close();
  }
}
