package org.netduplex.samples.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.xml.datatype.XMLGregorianCalendar;
import org.netduplex.chat.ChatEvent;
import org.netduplex.chat.ChatEventKind;
import org.netduplex.chat.IChatService;
import org.netduplex.chat.IChatServiceCallback;
import org.netduplex.chat.Join;
import org.netduplex.chat.JoinResult;
import org.netduplex.chat.Say;
import org.netduplex.client.ClientState;
import org.netduplex.client.DuplexClientConfig;
import org.netduplex.samples.ConsoleClientCommand;
import org.netduplex.samples.ConsoleSession;
import org.netduplex.samples.ConsoleText;

/**
 * The Java console client of the chat: joins under a display name, prints every event the server
 * pushes as one line, says each typed line to everyone, {@code /to <name> <text>} to one member.
 * What other people wrote is printed as-is, without its control characters (see {@link ConsoleText}).
 */
public final class ChatConsole implements IChatServiceCallback, ConsoleClientCommand.Console {
  static final String HELP = "Type a line to say it to everyone. Commands:\n"
      + "  /to <name> <text>   a direct message, only <name> sees it\n"
      + "  /name <name>        join under a display name (when not joined yet)\n"
      + "  /quit               leave the chat\n"
      + "  //text              says \"/text\"";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  private final PrintStream out;
  private final ZoneId zone;
  private final ConsoleSession<IChatService> session;
  private volatile String name;
  private volatile boolean leaving;

  public ChatConsole(URI url, DuplexClientConfig config, PrintStream out) {
    this(url, config, out, ZoneId.systemDefault());
  }

  ChatConsole(URI url, DuplexClientConfig config, PrintStream out, ZoneId zone) {
    this.out = out;
    this.zone = zone;
    this.session = new ConsoleSession<>(url, config, out, IChatService.class, IChatServiceCallback.class, this,
        "an event").whenFaulted("The chat session is gone; /quit and start again.").whenRenewed(this::rejoin);
  }

  /**
   * Joins under {@code displayName}; true if the server accepted it. A refusal (name taken, invalid)
   * prints the server's reason: the user may then try {@code /name <other>}.
   */
  public boolean join(String displayName) {
    if (name != null) {
      out.println("You already joined as " + name + ".");
      return false;
    }
    try {
      return joined(displayName, session.service().join(joinAs(displayName)));
    } catch (RuntimeException e) {
      out.println("Could not join: " + ConsoleText.reason(e));
      return false;
    }
  }

  /**
   * Joins a new session under the name this console had (the server restarted and forgot the room);
   * throws while the server cannot be reached, so that it is tried again.
   */
  private void rejoin() {
    String again = name;
    if (again != null) {
      JoinResult result = session.service().join(joinAs(again));
      name = null;
      joined(again, result);
    }
  }

  private static Join joinAs(String displayName) {
    Join join = new Join();
    join.setName(displayName);
    return join;
  }

  /** Prints the server's answer to a Join; true if it accepted the name. */
  private boolean joined(String displayName, JoinResult result) {
    if (!result.isAccepted()) {
      out.println("Refused: " + ConsoleText.clean(result.getReason()));
      out.println("Try another name with /name <name>, or /quit.");
      return false;
    }
    name = displayName.strip();
    List<String> others = result.getMembers() == null ? List.of() : result.getMembers().getString();
    out.println("Joined as " + name + ". "
        + (others.isEmpty() ? "Nobody else is here yet." : "Here already: " + ConsoleText.clean(String.join(", ", others)) + "."));
    return true;
  }

  /** Reads lines until {@code /quit} or the end of input, then leaves. */
  public void run(BufferedReader in) throws IOException {
    out.println(HELP);
    if (name == null) {
      out.println("Choose a display name: /name <name>");
    }
    try {
      ConsoleSession.readLines(in, this::handle);
    } finally {
      leave();
    }
  }

  /** Runs one line; false when it was {@code /quit}. */
  boolean handle(String typed) {
    String line = ConsoleText.clean(typed).strip(); // XML cannot carry most control characters anyway
    if (line.isEmpty()) {
      return true;
    }
    if (line.startsWith("//")) {
      say(line.substring(1), null);
      return true;
    }
    if (!line.startsWith("/")) {
      say(line, null);
      return true;
    }
    String[] words = line.split("\\s+", 3);
    switch (words[0].toLowerCase(Locale.ROOT)) {
      case "/quit", "/exit" -> {
        return false;
      }
      case "/to" -> {
        if (words.length < 3) {
          out.println("Usage: /to <name> <text>");
        } else {
          say(words[2], words[1]);
        }
      }
      case "/name" -> {
        if (words.length < 2) {
          out.println("Usage: /name <name>");
        } else {
          join(line.substring(words[0].length()).strip());
        }
      }
      case "/help" -> out.println(HELP);
      default -> out.println("Unknown command: " + words[0] + " (/help lists them; //text says \"/text\")");
    }
    return true;
  }

  private void say(String text, String to) {
    if (name == null) {
      out.println("Join first: /name <name>");
      return;
    }
    Say say = new Say();
    say.setText(text);
    say.setTo(to);
    try {
      session.service().say(say);
    } catch (RuntimeException e) {
      out.println("Not sent: " + ConsoleText.reason(e));
    }
  }

  /** Tells the server this member leaves (if it joined); the console prints nothing more. */
  void leave() {
    if (leaving) {
      return;
    }
    leaving = true;
    session.quiet(); // a member who left closes its own session: not news
    if (name != null && !session.state().isFinal()) {
      try {
        session.service().leave();
      } catch (RuntimeException e) {
        out.println("Could not say goodbye: " + ConsoleText.reason(e));
      }
    }
    out.println("Bye.");
  }

  @Override
  public void receive(ChatEvent event) {
    if (!leaving) {
      out.println(format(event, zone));
    }
  }

  /**
   * One event as one line: {@code 10:42:07 [message] alice: hello},
   * {@code 10:42:09 [direct]  alice -> bob: psst}, {@code 10:43:00 [joined]  carol joined.}.
   */
  static String format(ChatEvent e, ZoneId zone) {
    String kind = e.getKind() == null ? "event" : e.getKind().value().toLowerCase(Locale.ROOT);
    String from = ConsoleText.clean(e.getFrom());
    String to = ConsoleText.clean(e.getTo());
    String text = ConsoleText.clean(e.getText() == null ? "" : e.getText());
    String body;
    if (e.getKind() == ChatEventKind.MESSAGE || e.getKind() == ChatEventKind.DIRECT) {
      body = (from == null ? "?" : from) + (to == null || to.isEmpty() ? "" : " -> " + to) + ": " + text;
    } else if (from == null || from.isEmpty() || text.contains(from)) {
      body = text; // "carol joined." already names carol
    } else {
      body = from + ": " + text;
    }
    return String.format(Locale.ROOT, "%s %-9s %s", time(e.getTime(), zone), "[" + kind + "]", body);
  }

  private static String time(XMLGregorianCalendar t, ZoneId zone) {
    if (t == null) {
      return "--:--:--";
    }
    return t.toGregorianCalendar().toZonedDateTime().withZoneSameInstant(zone).format(TIME);
  }

  /** The display name this console joined under, or null. */
  public String name() {
    return name;
  }

  public ClientState state() {
    return session.state();
  }

  @Override
  public void close() {
    leaving = true;
    session.quiet();
    session.close();
  }
}
