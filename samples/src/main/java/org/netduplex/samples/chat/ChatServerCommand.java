package org.netduplex.samples.chat;

import java.util.List;
import org.netduplex.redis.RedisDuplexStore;
import org.netduplex.samples.ClusterStore;
import org.netduplex.samples.Command;
import org.netduplex.samples.CommandLine;
import org.netduplex.samples.ConsoleLogging;
import org.netduplex.samples.Main;
import org.netduplex.samples.Option;
import org.netduplex.server.DuplexServerConfig;

/** {@code chat-server}: the chat of seed 004 with its web page. */
public final class ChatServerCommand implements Command {
  @Override
  public String summary() {
    return "the chat of seed 004, its page at / and status at /status";
  }

  @Override
  public List<Option> options() {
    return CommandLine.serverOptions(10203, "2m");
  }

  @Override
  public void run(CommandLine line) throws Exception {
    ConsoleLogging.server();
    DuplexServerConfig config = line.serverConfig("2m", "chat");
    ChatRoster roster = config.store() == null ? new LocalChatRoster()
        : new RedisChatRoster(RedisDuplexStore.connection(config.store()), ClusterStore.keyPrefix("chat") + ":app");
    ChatServer server = new ChatServer(line.host(), line.port(10203), config, roster);
    System.out.print("ChatService on\n" + server.describeEndpoints());
    System.out.println("Chat page: " + server.pageAddress() + "; status: " + server.pageAddress() + "status");
    Main.runUntilStopped(server);
  }
}
