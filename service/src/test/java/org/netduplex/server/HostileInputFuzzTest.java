package org.netduplex.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netduplex.core.NetDuplex;
import org.netduplex.msbin.Msbin;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/**
 * Mutations of real envelopes (text and binary, SOAP 1.1 and 1.2; calls, polls, closes) sent over
 * raw sockets: truncated, bytes flipped, wrong or unknown content types and charsets, bytes that are
 * not UTF-8, huge attributes, deep nesting, entity tricks, bad headers, lying lengths, broken chunks.
 * Every answer is a valid answer, a clean SOAP fault or an HTTP error without an HTML page or a
 * stack; nothing hangs; no stack trace reaches the log, at most one refusal line per request; the
 * servers still serve a normal client afterwards. Seeded ({@code -Dnetduplex.fuzzSeed}); 2,000 cases
 * by default, {@code -Dnetduplex.fuzzCases=N} for a longer run.
 */
class HostileInputFuzzTest {
  private static final Logger LOG = Logger.getLogger(HostileInputFuzzTest.class.getName());
  private static final Logger ROOT = Logger.getLogger("");
  private static final int CASES = Integer.getInteger("netduplex.fuzzCases", 2_000);
  private static final long SEED = Long.getLong("netduplex.fuzzSeed", 20261202L);
  /** A Java exception's class name, as a stack or an error page shows it. */
  private static final java.util.regex.Pattern CLASS_NAME = java.util.regex.Pattern.compile("\\b(java|javax|jakarta|org|com)\\.[\\w.]+(Exception|Error)\\b");
  private static final Duration HANG = Duration.ofSeconds(20);

  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler recorder = new Handler() {
    @Override
    public void publish(LogRecord r) {
      if (r.getLevel().intValue() >= Level.INFO.intValue()) {
        logged.add(r);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private DuplexTestServer soap11;
  private DuplexTestServer soap12;

  @BeforeEach
  void start() {
    // Polls that find nothing come back within 200 ms: a valid poll is one of the cases.
    DuplexServerConfig config = DuplexServerConfig.builder().pollTimeout(Duration.ofMillis(200)).build();
    soap11 = new DuplexTestServer(config, 32);
    soap12 = new DuplexTestServer(config, 32, true);
    ROOT.addHandler(recorder);
  }

  @AfterEach
  void stop() {
    ROOT.removeHandler(recorder);
    soap11.close();
    soap12.close();
  }

  @Test
  void everyMutatedRequestGetsACleanAnswerAndTheServersStillServe() throws Exception {
    Random random = new Random(SEED);
    Map<String, Integer> kinds = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      boolean twelve = random.nextBoolean();
      DuplexTestServer server = twelve ? soap12 : soap11;
      Case c = Case.random(random, server.address, twelve);
      int before = logged.size();
      RawHttp.Answer answer = RawHttp.exchange(server.address, c.request, HANG);
      String kind = classify(answer);
      kinds.merge(kind, 1, Integer::sum);
      String problem = problem(answer);
      // Refusal lines name the client's port and are written before the answer: at most one per request.
      int refusals = refusalLines(before, answer.localPort());
      if (problem == null && refusals > c.requests()) {
        problem = refusals + " refusal log lines";
      }
      if (problem != null && problems.size() < 20) {
        problems.add("case " + i + " (" + c.what + "): " + problem + "\n  request: " + preview(c.request)
            + "\n  answer: " + answer.head().replace("\r\n", " | ") + " " + preview(answer.body()));
      }
    }
    List<String> traces = logged.stream().filter(r -> r.getThrown() != null || r.getMessage().contains("\tat "))
        .map(r -> r.getLoggerName() + ": " + r.getMessage() + " " + r.getThrown()).limit(10).toList();
    Map<String, Long> byLogger = new TreeMap<>();
    logged.forEach(r -> byLogger.merge(r.getLoggerName() + " " + r.getLevel(), 1L, Long::sum));
    LOG.info(() -> CASES + " fuzz cases (seed " + SEED + "): " + kinds + "; log lines " + logged.size() + ": " + byLogger);

    assertTrue(problems.isEmpty(), String.join("\n", problems));
    assertTrue(traces.isEmpty(), "stack traces in the log: " + traces);
    for (DuplexTestServer server : List.of(soap11)) {
      SoapHttp http = new SoapHttp(server.address);
      WireClient client = WireClient.random();
      assertEquals(200, http.post(WireClient.REGISTER, client.register()).statusCode());
      assertTrue(http.post(WireClient.MAKE_CONNECTION, client.makeConnection()).body().contains("AAHH"));
    }
  }

  private int refusalLines(int from, int port) {
    int n = 0;
    List<LogRecord> all = List.copyOf(logged);
    for (LogRecord r : all.subList(from, all.size())) {
      if (r.getLoggerName().equals("org.netduplex.server.Refusals") && r.getMessage().contains(":" + port + ":")) {
        n++;
      }
    }
    return n;
  }

  /** Why {@code a} is not a clean answer, or null if it is. */
  private static String problem(RawHttp.Answer a) {
    if (a.timedOut()) {
      return "no answer within " + HANG.toSeconds() + " s";
    }
    String body = a.bodyText();
    String lower = body.toLowerCase(Locale.ROOT);
    if (lower.contains("<html") || lower.contains("jetty") || body.contains("\tat ") || body.contains("at org.")
        || CLASS_NAME.matcher(body).find()) {
      return "an error page or stack in the body";
    }
    if (a.header("Server").toLowerCase(Locale.ROOT).contains("jetty")) {
      return "the server names itself";
    }
    if (a.status() == 500 && !isFault(a)) {
      return "a 500 that is not a SOAP fault";
    }
    return null;
  }

  private static boolean isFault(RawHttp.Answer a) {
    try {
      String text = text(a);
      return text.contains("Envelope") && text.contains("Fault>");
    } catch (Exception e) {
      return false;
    }
  }

  /** The answer's body as text: decoded from binary, or in the charset it declares. */
  private static String text(RawHttp.Answer a) throws Exception {
    String type = a.header("Content-Type");
    if (Msbin.isMsbin(type)) {
      return Msbin.toText(a.body());
    }
    java.util.regex.Matcher charset = java.util.regex.Pattern.compile("charset=\"?([^;\"]+)").matcher(type);
    return new String(a.body(), charset.find() ? java.nio.charset.Charset.forName(charset.group(1)) : StandardCharsets.UTF_8);
  }

  private static String classify(RawHttp.Answer a) {
    if (a.status() == 0) {
      return "closed without answer";
    }
    if (a.status() == 500 && isFault(a)) {
      String text;
      try {
        text = text(a);
      } catch (Exception e) {
        return "fault";
      }
      java.util.regex.Matcher m = java.util.regex.Pattern
          .compile("<(?:faultcode|[a-z0-9]+:Value)[^>]*>([^<]+)</(?:faultcode|[a-z0-9]+:Value)>").matcher(text);
      String code = "?";
      while (m.find()) {
        code = m.group(1).replaceAll("^[a-z0-9]+:", "");
      }
      return "fault " + code;
    }
    return "HTTP " + a.status();
  }

  private static String preview(byte[] b) {
    String s = new String(b, StandardCharsets.ISO_8859_1).replace("\r\n", "\\r\\n");
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  /** One hostile request: what it is, and its bytes on the wire. */
  record Case(String what, byte[] request) {
    /** Requests on the wire: a body past a declared length of 0 is parsed as a second one. */
    int requests() {
      return new String(request, StandardCharsets.ISO_8859_1).contains("Content-Length: 0\r\n") ? 2 : 1;
    }

    static Case random(Random r, URI address, boolean soap12) {
      WireClient client = new WireClient(NetDuplex.WCF_ANONYMOUS_URI_PREFIX + uuid(r), uuid(r));
      int op = r.nextInt(4);
      String action = switch (op) {
        case 0 -> WireClient.REGISTER;
        case 1 -> WireClient.SYNC;
        case 2 -> WireClient.MAKE_CONNECTION;
        default -> WireClient.REGISTER;
      };
      String duplex = op == 3
          ? client.duplexHeader().replace("</netdx:Duplex>", "<netdx:CloseSession/></netdx:Duplex>")
          : op == 2 ? "" : client.duplexHeader();
      String body = switch (op) {
        case 1 -> "<Stock xmlns=\"urn:petermcg.wordpress.com\"><Ask>1</Ask><Bid>2</Bid><Notes>n</Notes><Symbol>S</Symbol></Stock>";
        case 2 -> "<wsmc:MakeConnection xmlns:wsmc=\"" + NetDuplex.WSMC_NS + "\"><wsmc:Address>" + client.address
            + "</wsmc:Address></wsmc:MakeConnection>";
        default -> "";
      };
      String envelope = soap12
          ? "<s:Envelope xmlns:s=\"" + NetDuplex.SOAP12_NS + "\" xmlns:a=\"" + NetDuplex.WSA_NS + "\"><s:Header>"
              + "<a:Action s:mustUnderstand=\"1\">" + action + "</a:Action><a:MessageID>urn:uuid:" + uuid(r)
              + "</a:MessageID>" + duplex + "<a:To s:mustUnderstand=\"1\">" + address + "</a:To></s:Header><s:Body>"
              + body + "</s:Body></s:Envelope>"
          : WireClient.envelope(duplex, body);
      boolean binary = r.nextInt(3) == 0;
      String type = binary ? Msbin.CONTENT_TYPE
          : soap12 ? "application/soap+xml; charset=utf-8; action=\"" + action + "\"" : "text/xml; charset=utf-8";
      String headers = "Content-Type: " + type + "\r\n" + (soap12 ? "" : "SOAPAction: \"" + action + "\"\r\n");
      Mutation m = Mutation.values()[r.nextInt(Mutation.values().length)];
      return m.apply(r, address, headers, envelope, binary, (binary ? "binary " : "text ") + (soap12 ? "1.2 " : "1.1 ")
          + action.substring(action.lastIndexOf('/') + 1) + ", " + m.name().toLowerCase(Locale.ROOT));
    }

    private static String uuid(Random r) {
      return new UUID(r.nextLong(), r.nextLong()).toString();
    }
  }

  enum Mutation {
    NONE, TRUNCATED, LYING_LENGTH, BYTE_FLIPS, WRONG_CONTENT_TYPE, UNKNOWN_CHARSET, NOT_UTF8, HUGE_ATTRIBUTE,
    DEEP_NESTING, ENTITIES, BAD_HEADER_VALUES, BAD_CHUNKS, GOOD_CHUNKS, BAD_HTTP;

    Case apply(Random r, URI address, String headers, String envelope, boolean binary, String what) {
      byte[] body = encode(envelope, binary);
      switch (this) {
        case TRUNCATED -> body = java.util.Arrays.copyOf(body, r.nextInt(body.length));
        case BYTE_FLIPS -> {
          body = body.clone();
          for (int i = 1 + r.nextInt(5); i > 0; i--) {
            body[r.nextInt(body.length)] = (byte) r.nextInt(256);
          }
        }
        case WRONG_CONTENT_TYPE -> headers = headers.replaceFirst("Content-Type: [^\r]*", "Content-Type: " + pick(r,
            binary ? "text/xml; charset=utf-8" : Msbin.CONTENT_TYPE, "application/json", "x/y;;;=", "", "multipart/related; boundary=x",
            "application/soap+xml", "text/xml; charset=\"", "application/soap+msbin1; charset=utf-8"));
        case UNKNOWN_CHARSET -> headers = headers.replaceFirst("Content-Type: [^\r]*", "Content-Type: text/xml; charset="
            + pick(r, "x-bogus", "utf-16", "UTF-32BE", "ebcdic-cp-us", "utf-8\u00ff", "\"\"", "iso-2022-kr"));
        case NOT_UTF8 -> body = splice(body, r, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        case HUGE_ATTRIBUTE -> body = encode(envelope.replaceFirst("<s:Body>", "<s:Body x=\"" + "a".repeat(1_000 + r.nextInt(100_000)) + "\">"), binary);
        case DEEP_NESTING -> {
          int depth = 100 + r.nextInt(6_000);
          body = encode(envelope.replaceFirst("<s:Body>", "<s:Body>" + "<a>".repeat(depth) + "</a>".repeat(depth)), binary);
        }
        case ENTITIES -> body = (pick(r,
            "<!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
            "<!DOCTYPE s [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>",
            "<!DOCTYPE s [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/x\"> %p;]>",
            "<?xml version=\"1.0\" encoding=\"x-unknown\"?>",
            "<?xml version=\"1.1\" encoding=\"utf-16\"?>")
            + envelope.replaceFirst("<s:Body>", "<s:Body>" + pick(r, "&x;", "&d;", "&undefined;", "&#0;", "&#xD800;", ""))).getBytes(StandardCharsets.UTF_8);
        case BAD_HEADER_VALUES -> body = encode(envelope
            .replaceFirst("<netdx:SessionId>[^<]*", "<netdx:SessionId>" + pick(r, "", " ", "1", "x".repeat(5_000), "<![CDATA[]]>", "&lt;"))
            .replaceFirst("<wsmc:Address>[^<]*", "<wsmc:Address>" + pick(r, "", "1", "http://elsewhere/", "x".repeat(5_000))), binary);
        default -> { }
      }
      String start = RawHttp.postLine(address) + headers;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      switch (this) {
        case LYING_LENGTH -> write(out, start + "Content-Length: " + pick(r, "" + (body.length + 1 + r.nextInt(1_000)),
            "-1", "abc", "99999999999999999999", body.length + "\r\nContent-Length: " + (body.length - 1), "0") + "\r\n\r\n", body);
        case GOOD_CHUNKS, BAD_CHUNKS -> write(out, start + "Transfer-Encoding: chunked\r\n\r\n", chunk(r, body, this == BAD_CHUNKS));
        case BAD_HTTP -> write(out, pick(r, "POST /StockService HTTP/9.9\r\n", "PST " + address.getPath() + " HTTP/1.1\r\nHost: x\r\n",
            RawHttp.postLine(address) + "X: " + "y".repeat(20_000) + "\r\n", RawHttp.postLine(address) + "Bad Header\r\n",
            "POST " + address.getPath() + " HTTP/1.1\r\n") + headers + "Content-Length: " + body.length + "\r\n\r\n", body);
        default -> write(out, start + "Content-Length: " + body.length + "\r\n\r\n", body);
      }
      return new Case(what, out.toByteArray());
    }

    private static byte[] encode(String envelope, boolean binary) {
      try {
        return binary ? Msbin.fromText(envelope) : envelope.getBytes(StandardCharsets.UTF_8);
      } catch (Exception e) {
        return envelope.getBytes(StandardCharsets.UTF_8); // past the encoder's own limits: text sent as binary
      }
    }

    private static byte[] chunk(Random r, byte[] body, boolean broken) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int breakAt = broken ? r.nextInt(4) : -1;
      for (int i = 0, n = 0; i < body.length; i += n) {
        n = Math.min(body.length - i, 1 + r.nextInt(2_000));
        String size = Integer.toHexString(n);
        if (breakAt == 0 && i > 0) {
          size = pick(r, "zz", "-1", "ffffffffffffffff", "", size + ";" + "e".repeat(10_000));
          breakAt = -1;
        }
        write(out, size + "\r\n", java.util.Arrays.copyOfRange(body, i, i + n));
        write(out, breakAt == 1 ? "XX" : "\r\n", new byte[0]);
      }
      if (breakAt != 2) {
        write(out, breakAt == 3 ? "0\r\nTrailer-Without-End: 1" : "0\r\n\r\n", new byte[0]);
      }
      return out.toByteArray();
    }

    private static byte[] splice(byte[] body, Random r, byte[] bad) {
      int at = r.nextInt(body.length);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(body, 0, at);
      out.write(bad, 0, 1 + r.nextInt(bad.length));
      out.write(body, at, body.length - at);
      return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String head, byte[] body) {
      out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(body);
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... choices) {
      return choices[r.nextInt(choices.length)];
    }
  }
}
