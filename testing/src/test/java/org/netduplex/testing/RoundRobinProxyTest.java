package org.netduplex.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connections go to each backend in turn, a dead backend's connection is reset, and a cut is a black hole. */
class RoundRobinProxyTest {
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  @Test
  void eachNewConnectionGoesToTheNextBackend() throws Exception {
    RoundRobinProxy proxy = proxy(echo('a').port(), echo('b').port(), echo('c').port());

    StringBuilder seen = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      seen.append(greeting(proxy.port()));
    }

    assertEquals("abcabc", seen.toString());
    assertEquals(2, proxy.connections(1));
  }

  @Test
  void aConnectionToADeadBackendIsResetAndTheNextGoesOn() throws Exception {
    Backend b = echo('b');
    RoundRobinProxy proxy = proxy(echo('a').port(), b.port(), echo('c').port());
    b.close();

    assertEquals('a', greeting(proxy.port()));
    assertThrows(IOException.class, () -> greeting(proxy.port()));
    assertEquals('c', greeting(proxy.port()));
    assertEquals('a', greeting(proxy.port()));
    assertEquals(1, proxy.refused());
  }

  @Test
  void aCutPassesNoByteAndTheHealResetsWhatItHeld() throws Exception {
    RoundRobinProxy proxy = proxy(echo('a').port());
    try (Socket held = connect(proxy.port())) {
      assertEquals('a', held.getInputStream().read());
      proxy.cut();

      held.getOutputStream().write('x');
      assertThrows(SocketTimeoutException.class, () -> held.getInputStream().read(), "no echo through a cut");
      try (Socket during = connect(proxy.port())) {
        assertThrows(SocketTimeoutException.class, () -> during.getInputStream().read(), "no greeting either");

        proxy.heal();

        assertClosed(held);
        assertClosed(during);
      }
    }
    try (Socket after = connect(proxy.port())) {
      assertEquals('a', after.getInputStream().read());
      after.getOutputStream().write('y');
      assertEquals('y', after.getInputStream().read());
    }
  }

  private static void assertClosed(Socket s) {
    try {
      assertEquals(-1, s.getInputStream().read());
    } catch (IOException reset) {
      assertTrue(!(reset instanceof SocketTimeoutException), "still open after the heal");
    }
  }

  private RoundRobinProxy proxy(int... ports) throws IOException {
    RoundRobinProxy proxy = RoundRobinProxy.to(ports);
    toClose.add(proxy);
    return proxy;
  }

  private Backend echo(char name) throws IOException {
    Backend b = new Backend(name);
    toClose.add(b);
    return b;
  }

  private static char greeting(int port) throws IOException {
    try (Socket s = connect(port)) {
      int c = s.getInputStream().read();
      if (c < 0) {
        throw new IOException("closed before the greeting");
      }
      return (char) c;
    }
  }

  private static Socket connect(int port) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
    s.setSoTimeout(300);
    return s;
  }

  /** A server that greets each connection with its name, then echoes. */
  private static final class Backend implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

    Backend(char name) throws IOException {
      Thread t = new Thread(() -> {
        while (true) {
          try {
            Socket s = server.accept();
            Thread echo = new Thread(() -> {
              try (s) {
                OutputStream out = s.getOutputStream();
                out.write(name);
                InputStream in = s.getInputStream();
                for (int c; (c = in.read()) >= 0; ) {
                  out.write(c);
                }
              } catch (IOException ignored) {
                // the proxy closed it
              }
            });
            echo.setDaemon(true);
            echo.start();
          } catch (IOException closed) {
            return;
          }
        }
      });
      t.setDaemon(true);
      t.start();
    }

    int port() {
      return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
