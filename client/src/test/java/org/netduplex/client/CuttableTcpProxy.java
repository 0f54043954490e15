package org.netduplex.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on a loopback port whose link can be cut and restored: a network partition
 * between a client and a server, so a test can decide exactly when traffic flows.
 */
final class CuttableTcpProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int targetPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Set<Socket> swallowed = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;
  private volatile boolean silent;

  CuttableTcpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** {@code target} with this proxy's port: what the client should call. */
  URI via(URI target) {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort() + target.getPath());
  }

  /** Drops every connection and refuses new ones until {@link #restore()}. */
  void cut() {
    cut = true;
    open.forEach(CuttableTcpProxy::closeQuietly);
  }

  /**
   * Drops every connection and swallows new ones until {@link #restore()}: accepted, read, never
   * answered and never closed, as a path that loses packets leaves a connection. Those stay silent
   * after the restore: the answer to what was sent on them never comes.
   */
  void silence() {
    silent = true;
    cut = false;
    open.forEach(CuttableTcpProxy::closeQuietly);
  }

  /** Connections swallowed since {@link #silence()}. */
  int swallowed() {
    return swallowed.size();
  }

  void restore() {
    cut = false;
    silent = false;
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (cut) {
          closeQuietly(client);
          continue;
        }
        if (silent) {
          swallow(client);
          continue;
        }
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(server);
        pump(client, server);
        pump(server, client);
      } catch (IOException e) {
        // listener closed, or the target refused: the client sees its connection end
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException e) {
        // one side closed
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        open.remove(from);
        open.remove(to);
      }
    }, "proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private void swallow(Socket client) {
    Thread t = new Thread(() -> {
      try (InputStream in = client.getInputStream()) {
        in.transferTo(OutputStream.nullOutputStream());
      } catch (IOException e) {
        // closed with the proxy
      }
    }, "proxy-swallow");
    t.setDaemon(true);
    swallowed.add(client);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    cut();
    swallowed.forEach(CuttableTcpProxy::closeQuietly);
  }
}
