package org.netduplex.wcf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Runs {@code MsbinPeer.cs} over many documents in one Mono process: WCF's binary XML reader and writer (Microsoft's
 * reference source in Mono's System.Runtime.Serialization), with or without WCF's static dictionary.
 */
final class MsbinPeer {
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private static final Base64.Decoder UNB64 = Base64.getDecoder();

  private MsbinPeer() {}

  /** WCF's canonical form ({@link Canonical}) of each binary document, or "!Exception: message". */
  static List<String> read(List<byte[]> documents, boolean dictionary) {
    List<String> out = new ArrayList<>();
    for (String line : run("read", dictionary, documents)) {
      out.add(line.startsWith("!") ? line : utf8(UNB64.decode(line)));
    }
    return out;
  }

  /** What WCF's binary writer made of each script ({@code MsbinPeer.cs} lists the operations), and its own reading. */
  static List<Written> write(List<String> scripts, boolean dictionary) {
    List<byte[]> input = new ArrayList<>();
    scripts.forEach(s -> input.add(s.getBytes(StandardCharsets.UTF_8)));
    List<Written> out = new ArrayList<>();
    for (String line : run("write", dictionary, input)) {
      if (line.startsWith("!")) {
        out.add(new Written(null, line));
      } else {
        int space = line.indexOf(' ');
        out.add(new Written(UNB64.decode(line.substring(0, space)), utf8(UNB64.decode(line.substring(space + 1)))));
      }
    }
    return out;
  }

  private static List<String> run(String mode, boolean dictionary, List<byte[]> inputs) {
    StringBuilder stdin = new StringBuilder();
    inputs.forEach(b -> stdin.append(B64.encodeToString(b)).append('\n'));
    Mono.Result r = Mono.run("MsbinPeer", stdin.toString().getBytes(StandardCharsets.US_ASCII), 120, mode,
        dictionary ? "dict" : "nodict").assertSucceeded();
    String[] lines = r.stdout.split("\n", -1); // the last is the empty rest after the final newline
    if (lines.length != inputs.size() + 1 || !lines[inputs.size()].isEmpty()) {
      throw new AssertionError("MsbinPeer answered " + (lines.length - 1) + " lines for " + inputs.size()
          + " documents; stderr:\n" + r.stderr);
    }
    return List.of(lines).subList(0, inputs.size());
  }

  private static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Bytes WCF wrote (null when it refused the script) and WCF's canonical reading of them (or the error). */
  record Written(byte[] bytes, String canonical) {}
}
