package org.netduplex.redis.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netduplex.testing.Eventually;
import org.netduplex.testing.RedisServer;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/**
 * Issue 14, failure test 5: two polls for one address, on two nodes at once, while a third node
 * sends: each message goes to exactly one poll (the store decides who takes it, in one step), and
 * the other poll is answered empty (replaced, or at its timeout). Raw wire polls without
 * {@code nda:Ack}: the address does not ack, so a message written is delivered, never resent.
 */
class RacingPollsTest {
  private static final int ROUNDS = 20;
  private static final Pattern ASK = Pattern.compile("<(?:\\w+:)?Ask>([0-9.]+)</");

  @BeforeAll
  static void redisInstalled() {
    RedisServer.assumeInstalled();
  }

  @Test
  void twoPollsForOneAddressOnTwoNodesGetEachMessageExactlyOnce() throws Exception {
    try (RedisServer redis = RedisServer.builder().aof(true).start();
        ClusterRig rig = ClusterRig.start("racing-polls", 3, List.of("--redis", redis.uri()))) {
      WireClient client = WireClient.random();
      SoapHttp n1 = new SoapHttp(rig.node(1).address());
      SoapHttp n2 = new SoapHttp(rig.node(2).address());
      assertEquals(200, n1.post(WireClient.REGISTER, client.register()).statusCode());
      Eventually.await("the session open", () -> rig.events().stream().anyMatch(e -> e.endsWith("opened " + client.sessionId)));

      TreeMap<Long, Integer> received = new TreeMap<>();
      int emptyAnswers = 0;
      int[] takenBy = new int[2];
      for (int r = 0; r < ROUNDS; r++) {
        boolean n1First = r % 2 == 0;
        List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
        polls.add((n1First ? n1 : n2).postAsync(WireClient.MAKE_CONNECTION, client.makeConnection()));
        polls.add((n1First ? n2 : n1).postAsync(WireClient.MAKE_CONNECTION, client.makeConnection()));
        rig.node(3).call("send " + client.sessionId + " 0 " + r + " 1 0", Duration.ofSeconds(10));
        for (int p = 0; p < 2; p++) {
          HttpResponse<String> answer = polls.get(p).get(10, TimeUnit.SECONDS);
          assertEquals(200, answer.statusCode(), answer.body());
          List<Long> seqs = seqs(answer.body());
          assertTrue(seqs.size() <= 1, "one message per poll: " + answer.body());
          seqs.forEach(s -> received.merge(s, 1, Integer::sum));
          emptyAnswers += seqs.isEmpty() ? 1 : 0;
          takenBy[(p == 0) == n1First ? 0 : 1] += seqs.size();
        }
      }
      // a message sent after both polls of its round were answered waits for the next poll: drain
      for (List<Long> more; !(more = seqs(n1.post(WireClient.MAKE_CONNECTION, client.makeConnection()).body())).isEmpty(); ) {
        more.forEach(s -> received.merge(s, 1, Integer::sum));
      }

      System.out.println("CLUSTER two polls racing on two nodes, " + ROUNDS + " rounds: received=" + received.size()
          + " handed-twice=" + received.values().stream().filter(n -> n > 1).count() + " empty-answers=" + emptyAnswers
          + " taken-on-n1=" + takenBy[0] + " taken-on-n2=" + takenBy[1]);
      for (long r = 0; r < ROUNDS; r++) {
        assertEquals(1, received.getOrDefault(r, 0), "message " + r + " was received " + received.get(r) + " times");
      }
      assertEquals(ROUNDS, received.size(), "no message but the ones sent: " + received);
    }
  }

  private static List<Long> seqs(String body) {
    List<Long> seqs = new ArrayList<>();
    Matcher m = ASK.matcher(body);
    while (m.find()) {
      seqs.add((long) Double.parseDouble(m.group(1)));
    }
    return seqs;
  }
}
