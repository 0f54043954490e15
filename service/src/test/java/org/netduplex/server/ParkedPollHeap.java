package org.netduplex.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.netduplex.testing.WireClient;

/**
 * Measures the heap a parked poll costs on the server, through the poll front or (with
 * {@code -Dnetduplex.pollFront=false}) through CXF's chain. Not a test: run by hand, two JVMs.
 * {@code server}: starts an endpoint and answers {@code heap} on stdin with the heap used after full
 * GCs and the parked count. {@code client URL N}: registers N sessions, waits 25 s (the sessions alone),
 * then parks one poll each (one connection each), and waits. See docs/protocol.md section 17 for the method and the figures.
 */
public final class ParkedPollHeap {
  private ParkedPollHeap() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("server")) {
      server();
    } else {
      client(URI.create(args[1]), Integer.parseInt(args[2]));
    }
  }

  private static void server() throws Exception {
    DuplexTestServer server = new DuplexTestServer(DuplexServerConfig.builder()
        .pollTimeout(Duration.ofMinutes(10)).inactivityTimeout(Duration.ofMinutes(30)).maxSessions(100_000).build(), 32);
    System.out.println("address " + server.address);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    for (String line; (line = in.readLine()) != null; ) {
      if (line.equals("heap")) {
        for (int i = 0; i < 3; i++) {
          System.gc();
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println("heap " + used + " parked " + server.feature.metrics().parkedPolls()
            + " sessions " + server.feature.metrics().openSessions() + " front " + server.feature.front().served());
      }
    }
    server.close();
  }

  private static void client(URI address, int n) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<WireClient> clients = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      WireClient c = WireClient.random();
      send(http, address, WireClient.REGISTER, c.register()).join();
      clients.add(c);
    }
    List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
    for (WireClient c : clients) { // the first poll takes the Register's callback, if any; park the next
      polls.add(send(http, address, WireClient.MAKE_CONNECTION, c.makeConnection()));
    }
    for (CompletableFuture<HttpResponse<String>> p : polls) {
      p.join();
    }
    System.out.println("registered " + n);
    Thread.sleep(Duration.ofSeconds(25).toMillis()); // the sessions alone, measured
    for (WireClient c : clients) {
      send(http, address, WireClient.MAKE_CONNECTION, c.makeConnection());
    }
    System.out.println("parking " + n);
    Thread.sleep(Duration.ofMinutes(9).toMillis());
  }

  private static CompletableFuture<HttpResponse<String>> send(HttpClient http, URI address, String action, String body) {
    return http.sendAsync(HttpRequest.newBuilder(address).header("Content-Type", "text/xml; charset=utf-8")
        .header("SOAPAction", "\"" + action + "\"").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
