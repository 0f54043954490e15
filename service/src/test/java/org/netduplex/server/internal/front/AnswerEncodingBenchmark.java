package org.netduplex.server.internal.front;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.netduplex.core.DuplexHeader;
import org.netduplex.core.NetDuplex;
import org.netduplex.core.internal.Soap11Envelopes;
import org.netduplex.server.DuplexServerConfig;
import org.netduplex.server.internal.CallbackMessage;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.QueuedMessage;
import org.netduplex.server.internal.RealDuplexSession;
import org.netduplex.testing.FakeScheduler;

/**
 * CPU to encode the answers of one broadcast, per session: the encoder before this change (the whole
 * envelope per session, transcoded whole to msbin1: {@link TodaysEnvelopes}) against
 * {@link AnswerEnvelope} (the session's head, the body encoded once per broadcast, the closing bytes),
 * for the captured quote (capture D's body, 218 bytes) to {@code sessions} sessions, in SOAP 1.1 text,
 * SOAP 1.1 msbin1 and SOAP 1.2 msbin1. Each round is a new broadcast (a new message, so its body is
 * encoded again) in both encoders, alternating; the figure is the median over the timed rounds of the
 * thread's CPU time ({@code ThreadMXBean}) per answer. Encoding only: no HTTP, no engine.
 *
 * <p>Not a unit test. Run after {@code mvn -o -q -pl service -am test-compile} and
 * {@code mvn -o -q -pl service dependency:build-classpath -Dmdep.outputFile=cp.txt}:
 * {@code java -cp "$(cat service/cp.txt):service/target/classes:service/target/test-classes"
 * org.netduplex.server.internal.front.AnswerEncodingBenchmark [sessions] [rounds]}.
 */
public final class AnswerEncodingBenchmark {
  private static final String BODY = "\n    <Stock xmlns=\"urn:petermcg.wordpress.com\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
      + "      <Ask>256.7</Ask>\n      <Bid>256.02</Bid>\n      <Notes i:nil=\"true\"/>\n      <Symbol>AAHH</Symbol>\n"
      + "    </Stock>\n  ";
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static volatile int sink; // keeps the JIT from dropping work

  private AnswerEncodingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    DuplexEngine engine = new DuplexEngine(DuplexServerConfig.builder().scheduler(new FakeScheduler()).build());
    List<RealDuplexSession> all = new ArrayList<>();
    List<byte[]> headerBlocks = new ArrayList<>(); // what the encoder before kept per session
    for (int i = 0; i < sessions; i++) {
      all.add(engine.sessionForCall(new DuplexHeader(NetDuplex.WCF_ANONYMOUS_URI_PREFIX + UUID.randomUUID(),
          UUID.randomUUID().toString())));
      headerBlocks.add(Soap11Envelopes.duplexHeaderBlock(all.get(i).header()));
    }
    System.out.printf(Locale.ROOT, "java %s, %d sessions, %d timed rounds after %d warm-up, µs of CPU per answer%n",
        System.getProperty("java.version"), sessions, rounds, rounds);
    System.out.println("| form | before (whole envelope per session) | after (body once per broadcast) | after / before |");
    System.out.println("|---|---:|---:|---:|");
    for (AnswerForm form : List.of(new AnswerForm(false, false, false), new AnswerForm(false, true, false),
        new AnswerForm(true, true, false))) {
      double[] before = new double[rounds];
      double[] after = new double[rounds];
      for (int r = -rounds; r < rounds; r++) { // the first half warms up
        double b = round(all, headerBlocks, form, true);
        double a = round(all, headerBlocks, form, false);
        if (r >= 0) {
          before[r] = b;
          after[r] = a;
        }
      }
      double mb = median(before);
      double ma = median(after);
      System.out.printf(Locale.ROOT, "| SOAP 1.%s %s | %.2f | %.2f | %.2f× |%n", form.soap12() ? "2" : "1",
          form.binary() ? "msbin1" : "text", mb, ma, ma / mb);
    }
    engine.close();
  }

  /** One broadcast's answers to every session; µs of this thread's CPU per answer. */
  private static double round(List<RealDuplexSession> sessions, List<byte[]> headerBlocks, AnswerForm form,
      boolean before) throws Exception {
    CallbackMessage message = new CallbackMessage(BODY.getBytes(StandardCharsets.UTF_8),
        "urn:petermcg.wordpress.com/IStockService/Update");
    long start = THREADS.getCurrentThreadCpuTime();
    int bytes = 0;
    for (int i = 0; i < sessions.size(); i++) {
      QueuedMessage m = new QueuedMessage(sessions.get(i), message, 0);
      bytes += (before ? TodaysEnvelopes.of(m, form, false, headerBlocks.get(i)) : AnswerEnvelope.of(m, form, false)).length;
    }
    long cpu = THREADS.getCurrentThreadCpuTime() - start;
    sink += bytes;
    return cpu / 1e3 / sessions.size();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
