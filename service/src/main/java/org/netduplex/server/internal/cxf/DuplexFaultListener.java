package org.netduplex.server.internal.cxf;

import jakarta.servlet.http.HttpServletRequest;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.netduplex.server.internal.DuplexEngine;
import org.netduplex.server.internal.DuplexFault;
import org.netduplex.core.internal.RefusalLog;

/**
 * Logs each refused request once, as one line naming the client, instead of CXF's default
 * "unwinding now" warning with a stack trace, through the endpoint's capped {@link RefusalLog}.
 * A fault that is not a refusal of bad input (a bug in service code, say) is one SEVERE line too,
 * naming the exception; its stack trace is logged at FINE, never in the response. Counts each
 * fault by its code in the engine's metrics.
 */
public final class DuplexFaultListener implements FaultListener {
  private final DuplexEngine engine;
  private final RefusalLog refusals;
  private final Logger log;

  public DuplexFaultListener(DuplexEngine engine, RefusalLog refusals) {
    this.engine = engine;
    this.refusals = refusals;
    this.log = refusals.logger();
  }

  @Override
  public boolean faultOccurred(Exception exception, String description, Message message) {
    engine.faultAnswered(code(exception));
    String client = remote(message);
    if (exception instanceof Fault fault && fault.getCause() instanceof DuplexFault f
        && f.kind() == DuplexFault.Kind.SERVER_MISCONFIGURED) {
      log.fine(() -> "Refused a poll from " + client + ": " + f.getMessage()); // what to change was logged once
    } else if (exception instanceof Fault fault && isRefusal(fault)) {
      refusals.warning(() -> "Refused request from " + client + ": " + logText(fault));
    } else if (unreadableInput(exception)) {
      refusals.warning(() -> "Refused request from " + client + ": unreadable input: " + innermost(exception));
    } else {
      refusals.log(Level.SEVERE, () -> "Request from " + client + " failed in " + description + ": " + exception
          + (exception.getCause() == null ? "" : " (caused by " + exception.getCause() + ")"));
      log.log(Level.FINE, "Stack of the failure above", exception);
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
  private String logText(Fault fault) {
    String text = fault.getCause() instanceof DuplexFault f && !log.isLoggable(Level.FINE) ? f.logText() : fault.getMessage();
    return text == null ? String.valueOf(fault.getCause()) : text.replace('\n', ' ');
  }

  /** A refusal of what the client sent (or of a client gone mid-request), as opposed to a bug. */
  static boolean isRefusal(Fault fault) {
    if (fault.getCause() instanceof DuplexFault) {
      return true; // the engine's own refusals
    }
    String code = fault.getFaultCode() == null ? "" : fault.getFaultCode().getLocalPart();
    // CXF marks unreadable input with a Client/Sender code; I/O and XML errors are checked exceptions,
    // sometimes wrapped in a RuntimeException (StaxUtils: "Couldn't parse stream.").
    return code.equals("Client") || code.equals("Sender") || !(fault.getCause() instanceof RuntimeException)
        || unreadableInput(fault.getCause());
  }

  private static String innermost(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null) {
      c = c.getCause();
    }
    return String.valueOf(c.getMessage()).replace('\n', ' ');
  }

  private static boolean unreadableInput(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof XMLStreamException || c instanceof CharConversionException || c instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static String remote(Message message) {
    Object req = message.get(AbstractHTTPDestination.HTTP_REQUEST);
    if (req == null && message.getExchange() != null && message.getExchange().getInMessage() != null) {
      req = message.getExchange().getInMessage().get(AbstractHTTPDestination.HTTP_REQUEST);
    }
    return req instanceof HttpServletRequest r ? r.getRemoteAddr() + ":" + r.getRemotePort() : "unknown client";
  }
}
