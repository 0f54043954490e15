package org.netduplex.benchmarks.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The balancer over real loopback sockets: connections take the backends in turn, bytes pass intact. */
class RoundRobinProxyTest {
  private final List<ServerSocket> backends = new ArrayList<>();

  @AfterEach
  void close() throws IOException {
    for (ServerSocket s : backends) {
      s.close();
    }
  }

  @Test
  void eachNewConnectionGoesToTheNextBackend() throws Exception {
    try (RoundRobinProxy proxy = new RoundRobinProxy(0, List.of(backend('A'), backend('B')))) {
      StringBuilder seen = new StringBuilder();
      for (int i = 0; i < 5; i++) {
        try (Socket s = new Socket("127.0.0.1", proxy.port())) {
          DataOutputStream out = new DataOutputStream(s.getOutputStream());
          out.writeInt(1);
          out.write('x');
          out.flush();
          seen.append((char) new DataInputStream(s.getInputStream()).readUnsignedByte());
        }
      }
      assertEquals("ABABA", seen.toString());
    }
  }

  @Test
  void aBodyMuchLargerThanItsBuffersArrivesWholeBothWays() throws Exception {
    try (RoundRobinProxy proxy = new RoundRobinProxy(0, List.of(backend('A')));
        Socket s = new Socket("127.0.0.1", proxy.port())) {
      byte[] body = new byte[3 * 1024 * 1024];
      new Random(14).nextBytes(body);
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      DataInputStream in = new DataInputStream(s.getInputStream());
      // The backend echoes only after reading all of it, so the proxy must hold back, not drop.
      Thread writer = new Thread(() -> {
        try {
          out.writeInt(body.length);
          out.write(body);
          out.flush();
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      });
      writer.start();
      assertEquals('A', in.readUnsignedByte());
      byte[] echoed = new byte[body.length];
      in.readFully(echoed);
      writer.join();
      assertArrayEquals(body, echoed);
    }
  }

  /** A backend that reads one length-prefixed body, then answers its name and the body back. */
  private InetSocketAddress backend(char name) throws IOException {
    ServerSocket server = new ServerSocket(0);
    backends.add(server);
    Thread t = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket s = server.accept()) {
          DataInputStream in = new DataInputStream(s.getInputStream());
          byte[] body = new byte[in.readInt()];
          in.readFully(body);
          DataOutputStream out = new DataOutputStream(s.getOutputStream());
          out.write(name);
          out.write(body);
          out.flush();
        } catch (IOException e) {
          // closed, or the client went away: the next connection
        }
      }
    }, "backend-" + name);
    t.setDaemon(true);
    t.start();
    return new InetSocketAddress("127.0.0.1", server.getLocalPort());
  }
}
