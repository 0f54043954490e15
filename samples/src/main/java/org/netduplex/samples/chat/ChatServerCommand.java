package org.netduplex.samples.chat;

import java.util.List;
import org.netduplex.samples.Command;
import org.netduplex.samples.CommandLine;
import org.netduplex.samples.ConsoleLogging;
import org.netduplex.samples.Main;
import org.netduplex.samples.Option;

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
    ChatServer server = new ChatServer(line.host(), line.port(10203), line.serverConfig("2m"));
    System.out.print("ChatService on\n" + server.describeEndpoints());
    System.out.println("Chat page: " + server.pageAddress() + "; status: " + server.pageAddress() + "status");
    Main.runUntilStopped(server);
  }
}
