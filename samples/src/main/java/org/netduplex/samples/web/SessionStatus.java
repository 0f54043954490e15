package org.netduplex.samples.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.netduplex.server.DuplexMetrics;
import org.netduplex.server.DuplexSession;
import org.netduplex.server.PollingDuplexFeature;

/**
 * The monitoring view of a sample's endpoints as JSON: their addresses and profiles, live sessions and
 * totals. Session ids are cut to a short prefix and client addresses are left out, since a full id
 * would let a reader act as that client.
 */
public final class SessionStatus {
  /** One endpoint of the sample: where it is and which Silverlight profile it speaks. */
  public record Endpoint(String address, String profile) {}

  /** Characters of a session id shown: enough to tell sessions apart, too few to use one. */
  static final int ID_PREFIX = 8;

  private SessionStatus() {}

  public static String json(String sample, List<Endpoint> endpoints, PollingDuplexFeature duplex) {
    DuplexMetrics m = duplex.metrics();
    List<DuplexSession> sessions = new ArrayList<>(duplex.sessions());
    sessions.sort(Comparator.comparing(DuplexSession::age).reversed());
    StringBuilder out = new StringBuilder(256 + sessions.size() * 128);
    out.append("{\"sample\":").append(Json.string(sample)).append(",\"endpoints\":[");
    for (int i = 0; i < endpoints.size(); i++) {
      out.append(i == 0 ? "" : ",")
          .append("{\"address\":").append(Json.string(endpoints.get(i).address()))
          .append(",\"profile\":").append(Json.string(endpoints.get(i).profile()))
          .append('}');
    }
    out.append("],\"totals\":{")
        .append("\"sessions\":").append(m.openSessions())
        .append(",\"pollsParked\":").append(m.parkedPolls())
        .append(",\"messagesWaiting\":").append(m.queuedMessages())
        .append(",\"messagesQueued\":").append(m.messagesQueued())
        .append(",\"messagesDelivered\":").append(m.messagesDelivered())
        .append(",\"messagesDropped\":").append(m.messagesDropped())
        .append(",\"messagesRefused\":").append(m.messagesRefused())
        .append(",\"sessionsOpened\":").append(m.sessionsOpened())
        .append(",\"sessionsEnded\":").append(m.sessionsEnded())
        .append("},\"sessions\":[");
    for (int i = 0; i < sessions.size(); i++) {
      DuplexSession s = sessions.get(i);
      out.append(i == 0 ? "" : ",")
          .append("{\"id\":").append(Json.string(prefix(s.id())))
          .append(",\"ageSeconds\":").append(s.age().toSeconds())
          .append(",\"idleSeconds\":").append(s.idleTime().toSeconds())
          .append(",\"queued\":").append(s.queuedMessages())
          .append(",\"parked\":").append(s.pollParked())
          .append('}');
    }
    return out.append("]}").toString();
  }

  /** Never the whole id, however short: a short one shows its first half only. */
  static String prefix(String id) {
    return id.substring(0, Math.min(ID_PREFIX, id.length() / 2)) + "…";
  }
}
