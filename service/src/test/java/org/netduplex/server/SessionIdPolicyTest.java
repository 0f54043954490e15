package org.netduplex.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netduplex.core.NetDuplex;
import org.netduplex.testing.FakeScheduler;
import org.netduplex.testing.SoapHttp;
import org.netduplex.testing.WireClient;

/** By default only GUID session ids and anonymous addresses with GUID ids open sessions. */
class SessionIdPolicyTest {
  private static final String GUID = UUID.randomUUID().toString();
  private DuplexTestServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  private SoapHttp start(SessionIdPolicy policy) {
    server = new DuplexTestServer(DuplexServerConfig.builder().pollTimeout(Duration.ofSeconds(15))
        .scheduler(new FakeScheduler()).sessionIdPolicy(policy).build());
    return new SoapHttp(server.address);
  }

  @Test
  void aGuessableSessionIdIsRefusedWithInvalidSessionIdAndOpensNoSession() {
    SoapHttp http = start(SessionIdPolicy.GUIDS_ONLY);
    HttpResponse<String> r = http.post(WireClient.REGISTER,
        new WireClient(NetDuplex.WCF_ANONYMOUS_URI_PREFIX + GUID, "1").register());
    assertEquals(500, r.statusCode(), r.body());
    assertTrue(r.body().contains("<faultcode xmlns:ndf=\"urn:netduplex:faults\">ndf:InvalidSessionId</faultcode>"), r.body());
    assertTrue(r.body().contains("netdx:SessionId must be a GUID"), r.body());
    assertEquals(0, server.feature.sessions().size());
  }

  @Test
  void aGuessableAddressIsRefusedToo() {
    SoapHttp http = start(SessionIdPolicy.GUIDS_ONLY);
    for (String address : new String[] {NetDuplex.WCF_ANONYMOUS_URI_PREFIX + "1", "http://example.com/" + GUID,
        NetDuplex.WCF_ANONYMOUS_URI_PREFIX + GUID + "x"}) {
      HttpResponse<String> r = http.post(WireClient.REGISTER, new WireClient(address, UUID.randomUUID().toString()).register());
      assertTrue(r.body().contains("ndf:InvalidSessionId") && r.body().contains("netdx:Address must be"), r.body());
    }
    assertEquals(0, server.feature.sessions().size());
  }

  @Test
  void bothAnonymousSpellingsWithGuidsOpenSessions() {
    SoapHttp http = start(SessionIdPolicy.GUIDS_ONLY);
    for (String prefix : new String[] {NetDuplex.WCF_ANONYMOUS_URI_PREFIX, NetDuplex.ANONYMOUS_URI_PREFIX}) {
      WireClient c = new WireClient(prefix + UUID.randomUUID().toString().toUpperCase(), UUID.randomUUID().toString());
      assertEquals(200, http.post(WireClient.REGISTER, c.register()).statusCode());
      assertTrue(http.post(WireClient.MAKE_CONNECTION, c.makeConnection()).body().contains("AAHH"));
    }
    assertEquals(2, server.feature.sessions().size());
  }

  @Test
  void policyAnyAcceptsShortIdsAsBefore() {
    SoapHttp http = start(SessionIdPolicy.ANY);
    WireClient c = new WireClient(NetDuplex.WCF_ANONYMOUS_URI_PREFIX + "1", "1");
    assertEquals(200, http.post(WireClient.REGISTER, c.register()).statusCode());
    assertTrue(http.post(WireClient.MAKE_CONNECTION, c.makeConnection()).body().contains("AAHH"));
  }
}
