package org.netduplex.client;

import jakarta.xml.ws.WebServiceException;
import java.time.Duration;

/**
 * No reply to a request-reply call came on a poll within {@link DuplexClientConfig#replyTimeout()},
 * as WCF's {@code TimeoutException} after its {@code SendTimeout}. The session stays usable; a reply
 * that arrives later is dropped ({@link ClientListener#replyDropped}).
 */
public final class ReplyTimeoutException extends WebServiceException {
  /** The operation, see {@link #operation()}. */
  private final String operation;

  /**
   * Made by the client when a reply timeout runs out.
   *
   * @param operation the operation's local name
   * @param timeout the reply timeout that ran out
   */
  public ReplyTimeoutException(String operation, Duration timeout) {
    super("No reply to " + operation + " within " + timeout + " (replyTimeout)");
    this.operation = operation;
  }

  /**
   * The operation's local name.
   *
   * @return the name
   */
  public String operation() {
    return operation;
  }
}
