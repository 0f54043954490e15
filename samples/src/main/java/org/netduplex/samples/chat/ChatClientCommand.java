package org.netduplex.samples.chat;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.samples.CommandLine;
import org.netduplex.samples.ConsoleClientCommand;
import org.netduplex.samples.Option;

/** {@code chat-client}: a console member of a ChatService. */
public final class ChatClientCommand extends ConsoleClientCommand<ChatConsole> {
  private static final Option NAME = Option.text("name", "<display name>", "join under this name (or later: /name <name>)");

  public ChatClientCommand() {
    super("http://localhost:10203/ChatService");
  }

  @Override
  public String summary() {
    return "a console client of the chat: type to talk, /to <name> <text> for a direct message, /quit";
  }

  @Override
  public List<Option> options() {
    return optionsWith(NAME);
  }

  @Override
  protected ChatConsole open(URI url, DuplexClientConfig config, PrintStream out) {
    return new ChatConsole(url, config, out);
  }

  /** Joins under {@code --name}, if given; a refusal is printed, and the user may try {@code /name}. */
  @Override
  protected void start(ChatConsole console, CommandLine line) {
    if (line.has(NAME.name())) {
      console.join(line.value(NAME.name()));
    }
  }
}
