package org.netduplex.server.internal.cxf;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.DuplexFault;

/**
 * Logs each refused request once, as one line naming the client, instead of CXF's default
 * "unwinding now" warning with a stack trace. Faults that are not refusals of bad input (a bug in
 * service code, say) keep their stack trace in the log, never in the response. Counts each fault by
 * its code in the engine's metrics.
 */
public final class DuplexFaultListener implements FaultListener {
  private static final Logger LOG = Logger.getLogger("org.netduplex.server.Refusals");

  private final DuplexEngine engine;

  public DuplexFaultListener(DuplexEngine engine) {
    this.engine = engine;
  }

  @Override
  public boolean faultOccurred(Exception exception, String description, Message message) {
    engine.faultAnswered(code(exception));
    String client = remote(message);
    if (exception instanceof Fault fault && fault.getCause() instanceof DuplexFault f
        && f.kind() == DuplexFault.Kind.SERVER_MISCONFIGURED) {
      LOG.fine(() -> "Refused a poll from " + client + ": " + f.getMessage()); // what to change was logged once
    } else if (exception instanceof Fault fault && isRefusal(fault)) {
      LOG.warning(() -> "Refused request from " + client + ": " + logText(fault));
    } else {
      LOG.log(Level.SEVERE, "Request from " + client + " failed in " + description, exception);
    }
    return false;
  }

  /** The code a client reads: SOAP 1.2's subcode if there is one, else the (1.1 or 1.2) code; local name only. */
  static String code(Exception exception) {
    if (exception instanceof SoapFault f && f.getSubCode() != null) {
      return f.getSubCode().getLocalPart();
    }
    if (exception instanceof Fault f && f.getFaultCode() != null) {
      return f.getFaultCode().getLocalPart();
    }
    return "Server"; // CXF answers any other exception as a Server (1.2: Receiver) fault
  }

  /** The fault's text, with the session ids and addresses it names shortened unless FINE is on. */
  private static String logText(Fault fault) {
    return fault.getCause() instanceof DuplexFault f && !LOG.isLoggable(Level.FINE) ? f.logText() : fault.getMessage();
  }

  /** A refusal of what the client sent (or of a client gone mid-request), as opposed to a bug. */
  private static boolean isRefusal(Fault fault) {
    if (fault.getCause() instanceof DuplexFault) {
      return true; // the engine's own refusals
    }
    String code = fault.getFaultCode() == null ? "" : fault.getFaultCode().getLocalPart();
    // CXF marks unreadable input with a Client/Sender code; I/O and XML errors are checked exceptions.
    return code.equals("Client") || code.equals("Sender") || !(fault.getCause() instanceof RuntimeException);
  }

  private static String remote(Message message) {
    Object req = message.get(AbstractHTTPDestination.HTTP_REQUEST);
    if (req == null && message.getExchange() != null && message.getExchange().getInMessage() != null) {
      req = message.getExchange().getInMessage().get(AbstractHTTPDestination.HTTP_REQUEST);
    }
    return req instanceof HttpServletRequest r ? r.getRemoteAddr() + ":" + r.getRemotePort() : "unknown client";
  }
}
