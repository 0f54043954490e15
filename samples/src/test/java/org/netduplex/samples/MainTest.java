package org.netduplex.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The samples jar's command line: help exits 0, a wrong command line 2, a failed start 1; one line each. */
class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @ParameterizedTest
  @ValueSource(strings = {"stock-server", "stock-client", "chat-server", "chat-client", "timetable-server",
      "timetable-client"})
  void everyCommandHasHelpThatListsItsOptions(String command) {
    assertEquals(0, run(command, "--help"));
    assertTrue(out().startsWith("Usage: java -jar netduplex-samples.jar " + command + " [--option value ...]"), out());
    assertTrue(out().contains(command.endsWith("server") ? "--port " : "--profile sl2"), out());
    assertEquals("", err());

    out.reset();
    assertEquals(0, run("help", command));
    assertTrue(out().startsWith("Usage: java -jar netduplex-samples.jar " + command), out());
  }

  @Test
  void helpAloneListsTheCommands() {
    for (String[] help : List.of(new String[0], new String[] {"--help"}, new String[] {"-h"}, new String[] {"help"})) {
      out.reset();
      assertEquals(0, run(help));
      assertTrue(out().contains("  timetable-client  "), out());
    }
  }

  @Test
  void anUnknownOptionIsOneLineWithAHintAndExitCode2() {
    assertEquals(2, run("stock-server", "--prot", "1"));

    assertEquals("stock-server: unknown option --prot; java -jar netduplex-samples.jar stock-server --help lists"
        + " the options\n", err());
    assertEquals("", out());
  }

  @Test
  void aBadValueIsOneLineNamingTheOptionAndExitCode2() {
    assertEquals(2, run("chat-client", "--port", "10203"));
    assertTrue(err().startsWith("chat-client: unknown option --port;"), err());
    err.reset();

    assertEquals(2, run("stock-server", "--port", "abc"));
    assertEquals("stock-server: --port: expected a port number from 1 to 65535, got abc; java -jar"
        + " netduplex-samples.jar stock-server --help lists the options\n", err());
    err.reset();

    assertEquals(2, run("timetable-client", "--profile", "silverlight"));
    assertTrue(err().startsWith("timetable-client: --profile: expected sl2 or sl3, got silverlight;"), err());
  }

  @Test
  void aWrongClusterOptionIsOneLineAndExitCode2() {
    assertEquals(2, run("stock-server", "--node-id", "n1"));
    assertTrue(err().startsWith("stock-server: --node-id names a cluster node: it needs --redis redis://HOST:PORT;"), err());
    err.reset();

    assertEquals(2, run("chat-server", "--redis", "http://localhost:6379"));
    assertTrue(err().startsWith("chat-server: --redis: expected redis://HOST:PORT (or rediss://, redis-sentinel://),"
        + " got http://localhost:6379;"), err());
    err.reset();

    assertEquals(2, run("timetable-server", "--redis", "redis://localhost:6379"));
    assertTrue(err().startsWith("timetable-server: --redis needs --file <path>, the one file every node reads;"), err());
    assertEquals(1, err().lines().count(), err());
  }

  @Test
  void aRedisThatDoesNotAnswerIsOneLineAndExitCode1() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    assertEquals(1, run("stock-server", "--port", "1", "--redis", "redis://127.0.0.1:" + closed));

    assertTrue(err().startsWith("stock-server failed: no Redis answers at redis://127.0.0.1:" + closed + " ("), err());
    assertEquals(1, err().lines().count(), err());
  }

  @Test
  void anUnknownCommandIsOneLineAndExitCode2() {
    assertEquals(2, run("stock-sever"));
    assertEquals(1, err().lines().count(), err());
    assertTrue(err().startsWith("Unknown command: stock-sever ("), err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"stock-server", "chat-server", "timetable-server"})
  void aPortInUseIsOneLineAndExitCode1(String command) throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("localhost"))) {
      int port = taken.getLocalPort();

      assertEquals(1, run(command, "--port", String.valueOf(port)));

      assertTrue(err().startsWith(command + ": port " + port + " is in use: "), err());
      assertEquals(1, err().lines().count(), err());
    }
  }

  /** As a user sees it: the jar's main in its own JVM, with everything it and its libraries print. */
  @Test
  void aPortInUsePrintsOneLineAndNoStackTraceFromTheWholeProcess() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("localhost"))) {
      int port = taken.getLocalPort();
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), Main.class.getName(), "stock-server", "--port",
          String.valueOf(port)).start();
      p.getOutputStream().close();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the server did not give up");
      String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

      assertEquals(1, p.exitValue(), stderr);
      assertEquals("stock-server: port " + port + " is in use: Address already in use (stop what holds it, or choose"
          + " another with --port)\n", stderr);
      assertFalse(stdout.contains("\tat "), stdout);
    }
  }

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
        StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
