package org.netduplex.samples.timetable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.client.PollingDuplexClient;
import org.netduplex.client.WireFormat;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.timetable.ITimeService;
import org.netduplex.timetable.ITimeServiceCallback;
import org.netduplex.timetable.Race;
import org.netduplex.timetable.RaceUpdate;

/**
 * The timetable server in both Silverlight profiles. Seed 003's client is a Silverlight 3 one: a custom
 * binding of PollingDuplex and binary message encoding, which is the SOAP 1.2 endpoint in msbin1.
 */
class TimetableProfilesTest {
  @TempDir
  Path dir;
  private TimetableServer server;

  @BeforeEach
  void start() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = TimetableServer.start(new TimetableServer.Options().port(port).file(dir.resolve("timetable.xml"))
        .debounce(Duration.ofMillis(20)).config(DuplexServerConfig.builder().pollTimeout(Duration.ofSeconds(1)).build()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theSeedsBinaryClientGetsTheWholeTable() throws InterruptedException {
    BlockingQueue<RaceUpdate> updates = new LinkedBlockingQueue<>();
    try (PollingDuplexClient<ITimeService> sl3 = client(server.soap12Address(), WireFormat.SOAP12_BINARY, updates)) {
      sl3.service().register();

      RaceUpdate whole = next(updates);
      assertTrue(whole.isFullTable());
      assertEquals(8, whole.getAddedOrModified().getRace().size());
    }
  }

  @Test
  void aChangeOfTheFileReachesClientsOfBothProfiles() throws Exception {
    BlockingQueue<RaceUpdate> sl2Updates = new LinkedBlockingQueue<>();
    BlockingQueue<RaceUpdate> sl3Updates = new LinkedBlockingQueue<>();
    try (PollingDuplexClient<ITimeService> sl2 = client(server.address(), WireFormat.SOAP11_TEXT, sl2Updates);
        PollingDuplexClient<ITimeService> sl3 = client(server.soap12Address(), WireFormat.SOAP12_BINARY, sl3Updates)) {
      sl2.service().register();
      sl3.service().register();
      assertTrue(next(sl2Updates).isFullTable());
      assertTrue(next(sl3Updates).isFullTable());

      Files.writeString(server.file(), Files.readString(server.file()).replace("Time=\"08:12\"", "Time=\"08:17\""));

      for (BlockingQueue<RaceUpdate> updates : List.of(sl2Updates, sl3Updates)) {
        RaceUpdate diff = next(updates);
        assertFalse(diff.isFullTable());
        Race late = diff.getAddedOrModified().getRace().get(0);
        assertEquals("11-0812", late.getUniqueID());
        assertEquals("08:17", late.getTime());
      }
    }
  }

  private static PollingDuplexClient<ITimeService> client(String address, WireFormat format,
      BlockingQueue<RaceUpdate> into) {
    return PollingDuplexClient.builder(URI.create(address))
        .callback(ITimeServiceCallback.class, into::add)
        .config(DuplexClientConfig.builder().serverPollTimeout(Duration.ofSeconds(1)).wireFormat(format).build())
        .build(ITimeService.class);
  }

  private static RaceUpdate next(BlockingQueue<RaceUpdate> updates) throws InterruptedException {
    RaceUpdate update = updates.poll(10, TimeUnit.SECONDS);
    assertNotNull(update, "no update came");
    return update;
  }
}
