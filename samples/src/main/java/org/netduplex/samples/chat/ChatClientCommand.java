package org.netduplex.samples.chat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.samples.Command;
import org.netduplex.samples.ConsoleLogging;
import org.netduplex.samples.Durations;

/** {@code chat-client}: a console member of a ChatService. */
public final class ChatClientCommand implements Command {
  @Override
  public String usage() {
    return "a console client of the chat: type to talk, /to <name> <text> for a direct message, /quit\n"
        + "                   --url http://localhost:10203/ChatService --name <display name>"
        + " --poll-timeout 15s (the server's)";
  }

  @Override
  public void run(Map<String, String> o) throws Exception {
    ConsoleLogging.quiet();
    URI url = URI.create(o.getOrDefault("url", "http://localhost:10203/ChatService"));
    DuplexClientConfig config = DuplexClientConfig.builder()
        .serverPollTimeout(Durations.parse(o.getOrDefault("poll-timeout", "15s")))
        .build();
    try (ChatConsole console = new ChatConsole(url, config, System.out)) {
      if (o.containsKey("name")) {
        console.join(o.get("name"));
      }
      console.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    }
  }
}
