package org.netduplex.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.chat.ChatEvent;
import org.netduplex.chat.ChatEventKind;
import org.netduplex.chat.IChatService;
import org.netduplex.chat.IChatServiceCallback;
import org.netduplex.chat.Join;
import org.netduplex.chat.JoinResult;
import org.netduplex.chat.Say;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.client.PollingDuplexClient;
import org.netduplex.client.WireFormat;
import org.netduplex.server.DuplexServerConfig;

/** One chat room behind both endpoints: a Silverlight 2 and a Silverlight 3 member talk to each other. */
class ChatProfilesTest {
  private ChatServer server;
  private final BlockingQueue<ChatEvent> sl2Events = new LinkedBlockingQueue<>();
  private final BlockingQueue<ChatEvent> sl3Events = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = new ChatServer("localhost", port, DuplexServerConfig.builder().pollTimeout(Duration.ofSeconds(1)).build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void membersOfBothProfilesSeeEachOthersLines() throws InterruptedException {
    try (PollingDuplexClient<IChatService> ann = client(server.address(), WireFormat.SOAP11_TEXT, sl2Events);
        PollingDuplexClient<IChatService> ben = client(server.soap12Address(), WireFormat.SOAP12_BINARY, sl3Events)) {
      assertTrue(join(ann, "ann").isAccepted());
      JoinResult benJoined = join(ben, "ben"); // request-reply in msbin1
      assertTrue(benJoined.isAccepted());
      assertEquals(List.of("ann"), benJoined.getMembers().getString());
      assertEquals("ann joined.", next(sl2Events).getText());
      assertEquals("ben joined.", next(sl2Events).getText());
      assertEquals("ben joined.", next(sl3Events).getText());

      say(ann, "hello from Silverlight 2");
      ChatEvent heard = next(sl3Events);
      assertEquals(ChatEventKind.MESSAGE, heard.getKind());
      assertEquals("ann", heard.getFrom());
      assertEquals("hello from Silverlight 2", heard.getText());
      assertEquals("hello from Silverlight 2", next(sl2Events).getText());

      say(ben, "and back from Silverlight 3");
      assertEquals("and back from Silverlight 3", next(sl2Events).getText());
      assertEquals("and back from Silverlight 3", next(sl3Events).getText());
    }
  }

  @Test
  void aNameTakenInOneProfileIsTakenInTheOther() {
    try (PollingDuplexClient<IChatService> ann = client(server.address(), WireFormat.SOAP11_TEXT, sl2Events);
        PollingDuplexClient<IChatService> other = client(server.soap12Address(), WireFormat.SOAP12_TEXT, sl3Events)) {
      assertTrue(join(ann, "ann").isAccepted());

      JoinResult refused = join(other, "ANN");
      assertFalse(refused.isAccepted());
      assertEquals("The name ANN is taken; choose another.", refused.getReason());
    }
  }

  private static JoinResult join(PollingDuplexClient<IChatService> client, String name) {
    Join join = new Join();
    join.setName(name);
    return client.service().join(join);
  }

  private static void say(PollingDuplexClient<IChatService> client, String text) {
    Say say = new Say();
    say.setText(text);
    client.service().say(say);
  }

  private static PollingDuplexClient<IChatService> client(String address, WireFormat format,
      BlockingQueue<ChatEvent> into) {
    return PollingDuplexClient.builder(URI.create(address))
        .callback(IChatServiceCallback.class, into::add)
        .config(DuplexClientConfig.builder().serverPollTimeout(Duration.ofSeconds(1)).wireFormat(format).build())
        .build(IChatService.class);
  }

  private static ChatEvent next(BlockingQueue<ChatEvent> events) throws InterruptedException {
    ChatEvent e = events.poll(10, TimeUnit.SECONDS);
    assertNotNull(e, "no event came");
    return e;
  }
}
