package org.netduplex.samples.chat;

import java.util.Map;
import org.netduplex.samples.Command;
import org.netduplex.samples.CommandLine;
import org.netduplex.samples.Main;

/** {@code chat-server}: the chat of seed 004 with its web page. */
public final class ChatServerCommand implements Command {
  @Override
  public String usage() {
    return "the chat of seed 004, page at /\n"
        + "                   --host localhost --port 10203 --poll-timeout 15s --inactivity-timeout 2m";
  }

  @Override
  public void run(Map<String, String> o) throws Exception {
    CommandLine line = new CommandLine(o);
    ChatServer server = new ChatServer(line.host(), line.port(10203), line.serverConfig("2m"));
    System.out.print("ChatService on\n" + server.describeEndpoints());
    System.out.println("Chat page: " + server.pageAddress() + "; status: " + server.pageAddress() + "status");
    Main.runUntilStopped(server);
  }
}
