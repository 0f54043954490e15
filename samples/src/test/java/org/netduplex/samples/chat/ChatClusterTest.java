package org.netduplex.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netduplex.chat.ChatEvent;
import org.netduplex.chat.ChatEventKind;
import org.netduplex.chat.IChatService;
import org.netduplex.chat.IChatServiceCallback;
import org.netduplex.chat.Join;
import org.netduplex.chat.JoinResult;
import org.netduplex.chat.Say;
import org.netduplex.client.PollingDuplexClient;
import org.netduplex.redis.RedisDuplexStore;
import org.netduplex.samples.ClusterStore;
import org.netduplex.samples.TwoNodes;
import org.netduplex.server.DuplexServerConfig;

/**
 * Two chat nodes on one real Redis, as {@code chat-server --redis} makes them: ann talks to node A,
 * ben to node B, cat through a proxy whose connections alternate between them. A name taken on one
 * node is taken on the other, a message said on A reaches members on B, and who left is told once.
 */
class ChatClusterTest {
  private final BlockingQueue<ChatEvent> annHears = new LinkedBlockingQueue<>();
  private final BlockingQueue<ChatEvent> benHears = new LinkedBlockingQueue<>();
  private final BlockingQueue<ChatEvent> catHears = new LinkedBlockingQueue<>();
  private final BlockingQueue<ChatEvent> nobody = new LinkedBlockingQueue<>();

  @Test
  void namesAreUniqueAcrossNodesAndMembersOnEitherNodeHearEachOther() throws Exception {
    try (TwoNodes nodes = TwoNodes.of("chat");
        ChatServer a = start(nodes, 0);
        ChatServer b = start(nodes, 1);
        PollingDuplexClient<IChatService> ann = client(URI.create(a.address()), annHears);
        PollingDuplexClient<IChatService> ben = client(URI.create(b.address()), benHears);
        PollingDuplexClient<IChatService> cat = client(nodes.viaProxy(a.address()), catHears);
        PollingDuplexClient<IChatService> impostor = client(URI.create(b.address()), nobody)) {
      assertTrue(join(ann, "ann").isAccepted());
      assertEquals("ann joined.", next(annHears).getText());
      JoinResult refused = join(impostor, "ANN");
      assertFalse(refused.isAccepted());
      assertEquals("The name ANN is taken; choose another.", refused.getReason());

      JoinResult benJoined = join(ben, "ben");
      assertTrue(benJoined.isAccepted());
      assertEquals(java.util.List.of("ann"), benJoined.getMembers().getString(), "node B sees node A's members");
      assertEquals("ben joined.", next(annHears).getText());
      assertEquals("ben joined.", next(benHears).getText());
      assertTrue(join(cat, "cat").isAccepted());
      assertEquals("cat joined.", next(annHears).getText());
      assertEquals("cat joined.", next(benHears).getText());
      assertEquals("cat joined.", next(catHears).getText());

      say(ann, "hello from A", null);
      ChatEvent heard = next(benHears);
      assertEquals(ChatEventKind.MESSAGE, heard.getKind());
      assertEquals("ann", heard.getFrom());
      assertEquals("hello from A", heard.getText());
      assertEquals("hello from A", next(catHears).getText());
      assertEquals("hello from A", next(annHears).getText());

      say(ben, "psst", "Ann"); // a direct message from node B to a member of node A
      ChatEvent direct = next(annHears);
      assertEquals(ChatEventKind.DIRECT, direct.getKind());
      assertEquals("ben", direct.getFrom());
      assertEquals("ann", direct.getTo());
      assertEquals("psst", next(benHears).getText());

      ann.close(); // its session ends: each node hears it, one tells the others
      assertEquals("ann left.", next(benHears).getText());
      assertEquals("ann left.", next(catHears).getText());
      say(cat, "after ann", null);
      assertEquals("after ann", next(benHears).getText(), "ann's leaving was told twice");
      assertEquals("after ann", next(catHears).getText(), "ann's leaving was told twice");
      assertEquals(2, a.memberCount());
      assertEquals(2, b.memberCount());
    }
  }

  private static ChatServer start(TwoNodes nodes, int i) {
    DuplexServerConfig config = nodes.config(i);
    ChatRoster roster = new RedisChatRoster(RedisDuplexStore.connection(config.store()),
        ClusterStore.keyPrefix("chat") + ":app");
    return new ChatServer("localhost", nodes.port(i), config, roster);
  }

  private static JoinResult join(PollingDuplexClient<IChatService> client, String name) {
    Join join = new Join();
    join.setName(name);
    return client.service().join(join);
  }

  private static void say(PollingDuplexClient<IChatService> client, String text, String to) {
    Say say = new Say();
    say.setText(text);
    say.setTo(to);
    client.service().say(say);
  }

  private static PollingDuplexClient<IChatService> client(URI address, BlockingQueue<ChatEvent> into) {
    return PollingDuplexClient.builder(address)
        .callback(IChatServiceCallback.class, into::add)
        .config(TwoNodes.clientConfig())
        .build(IChatService.class);
  }

  private static ChatEvent next(BlockingQueue<ChatEvent> events) throws InterruptedException {
    ChatEvent e = events.poll(10, TimeUnit.SECONDS);
    assertNotNull(e, "no event came");
    return e;
  }
}
