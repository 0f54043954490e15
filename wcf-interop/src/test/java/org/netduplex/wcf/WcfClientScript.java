package org.netduplex.wcf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A script for the WCF peer ({@code src/test/csharp/WcfClient.cs}): commands for named clients, run in one Mono
 * process, and the answer line WCF's channel stack gave for each command, in order.
 */
final class WcfClientScript {
  private final StringBuilder commands = new StringBuilder();
  private int count;

  WcfClientScript client(String name, WcfVariant variant, WcfPeerStockServer server) {
    return add("client " + name + " " + variant.program + " " + variant.url(server));
  }

  /** A client of the chat's SOAP 1.2 endpoint, for the request-reply {@code Join}. */
  WcfClientScript chatClient(String name, WcfVariant variant, WcfPeerStockServer server) {
    return add("client " + name + " " + variant.program + " " + server.chat12Url);
  }

  /** A two-way Join as WCF's client sends one: with wsa:MessageID and an anonymous wsa:ReplyTo. */
  WcfClientScript join(String name, String displayName) {
    return add("join " + name + " " + escape(displayName));
  }

  /** A poll whose answer is described whatever its body: action, RelatesTo, and a JoinResult's fields. */
  WcfClientScript pollAny(String name) {
    return add("pollany " + name);
  }

  WcfClientScript register(String name) {
    return add("register " + name);
  }

  WcfClientScript poll(String name) {
    return add("poll " + name);
  }

  WcfClientScript sync(String name, String symbol, String notes) {
    return add("sync " + name + " " + symbol + " " + escape(notes));
  }

  WcfClientScript close(String name) {
    return add("close " + name);
  }

  WcfClientScript pollUnknownAddress(String name) {
    return add("pollunknown " + name);
  }

  WcfClientScript callWithoutDuplexHeader(String name) {
    return add("callnoheader " + name);
  }

  WcfClientScript pollWithoutAddress(String name) {
    return add("pollnoaddress " + name);
  }

  private WcfClientScript add(String command) {
    commands.append(command).append('\n');
    count++;
    return this;
  }

  /** Runs the script; fails unless the program answered every command. */
  List<Answer> run() {
    Mono.Result r = Mono.run("WcfClient", commands.toString().getBytes(StandardCharsets.UTF_8), 60).assertSucceeded();
    List<Answer> answers = new ArrayList<>();
    for (String line : r.stdout.split("\n")) {
      if (!line.isBlank()) {
        answers.add(Answer.parse(line));
      }
    }
    if (answers.size() != count) {
      fail("expected " + count + " answers, got:\n" + r.stdout + "\nstderr:\n" + r.stderr);
    }
    return answers;
  }

  /** One answer line: the command, the client's name, the kind of answer and its fields. */
  record Answer(String command, String name, String kind, Map<String, String> fields) {
    static Answer parse(String line) {
      String[] parts = line.split("\t");
      Map<String, String> fields = new HashMap<>();
      for (int i = 3; i < parts.length; i++) {
        int eq = parts[i].indexOf('=');
        if (eq > 0) {
          fields.put(parts[i].substring(0, eq), unescape(parts[i].substring(eq + 1)));
        } else {
          fields.put("text", unescape(parts[i]));
        }
      }
      return new Answer(parts[0], parts[1], parts[2], fields);
    }

    String get(String field) {
      if (!fields.containsKey(field)) {
        fail("no " + field + " in " + this);
      }
      return fields.get(field);
    }

    long millis() {
      return Long.parseLong(get("ms"));
    }

    Answer assertKind(String expected) {
      assertEquals(expected, kind, () -> command + " " + name + ": " + this);
      return this;
    }
  }

  /** Everything outside printable ASCII, and the backslash, as {@code \\uXXXX} (the program's line format). */
  static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c < 0x21 || c > 0x7e || c == '\\') {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\\' && i + 5 < s.length() && s.charAt(i + 1) == 'u') {
        b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        b.append(s.charAt(i));
      }
    }
    return b.toString();
  }
}
