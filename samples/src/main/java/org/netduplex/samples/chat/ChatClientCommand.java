package org.netduplex.samples.chat;

import java.io.PrintStream;
import java.net.URI;
import java.util.Map;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.samples.ConsoleClientCommand;

/** {@code chat-client}: a console member of a ChatService. */
public final class ChatClientCommand extends ConsoleClientCommand<ChatConsole> {
  public ChatClientCommand() {
    super("http://localhost:10203/ChatService");
  }

  @Override
  public String usage() {
    return "a console client of the chat: type to talk, /to <name> <text> for a direct message, /quit\n"
        + "                   --url http://localhost:10203/ChatService --name <display name>"
        + " --poll-timeout 15s (the server's)";
  }

  @Override
  protected ChatConsole open(URI url, DuplexClientConfig config, PrintStream out) {
    return new ChatConsole(url, config, out);
  }

  /** Joins under {@code --name}, if given; a refusal is printed, and the user may try {@code /name}. */
  @Override
  protected void start(ChatConsole console, Map<String, String> options) {
    if (options.containsKey("name")) {
      console.join(options.get("name"));
    }
  }
}
