package org.netduplex.samples.chat;

import java.util.Map;
import org.netduplex.samples.Command;
import org.netduplex.samples.Durations;
import org.netduplex.samples.Main;
import org.netduplex.server.DuplexServerConfig;

/** {@code chat-server}: the chat of seed 004 with its web page. */
public final class ChatServerCommand implements Command {
  @Override
  public String usage() {
    return "the chat of seed 004, page at /\n"
        + "                   --host localhost --port 10203 --poll-timeout 15s --inactivity-timeout 2m";
  }

  @Override
  public void run(Map<String, String> o) throws Exception {
    DuplexServerConfig config = DuplexServerConfig.builder()
        .pollTimeout(Durations.parse(o.getOrDefault("poll-timeout", "15s")))
        .inactivityTimeout(Durations.parse(o.getOrDefault("inactivity-timeout", "2m")))
        .build();
    ChatServer server = new ChatServer(o.getOrDefault("host", "localhost"),
        Integer.parseInt(o.getOrDefault("port", "10203")), config);
    System.out.println("ChatService on " + server.address() + "; chat page: " + server.pageAddress());
    Main.runUntilStopped(server);
  }
}
