package org.netduplex.client.internal;

import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Iterator;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.netduplex.client.ClientState;
import org.netduplex.client.DuplexFaultException;
import org.netduplex.client.SessionFaultedException;

/**
 * The service proxy users hold: refuses calls on a closed or faulted client, forwards the rest to
 * CXF's proxy (which adds the {@code netdx:Duplex} header), starts polling after the first call
 * that reached the server, and faults the client when a call's fault says the session is gone.
 */
public final class ServiceCallHandler implements InvocationHandler {
  private final Object cxfProxy;
  private final Lifecycle lifecycle;
  private final PollLoop pollLoop;
  private final String description;

  public ServiceCallHandler(Object cxfProxy, Lifecycle lifecycle, PollLoop pollLoop, String description) {
    this.cxfProxy = cxfProxy;
    this.lifecycle = lifecycle;
    this.pollLoop = pollLoop;
    this.description = description;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> description;
      };
    }
    ClientState state = lifecycle.state();
    if (state == ClientState.CLOSED) {
      throw new IllegalStateException("the polling duplex client is closed");
    }
    if (state == ClientState.FAULTED) {
      Throwable cause = lifecycle.faultCause();
      throw new SessionFaultedException("the duplex session is gone"
          + (cause != null ? ": " + cause.getMessage() : "") + "; build a new client", cause);
    }
    if (isAsync(method)) {
      Object call = AsyncCall.invoke(cxfProxy, method, args);
      if (call != null) {
        return call; // its acknowledgement starts polling
      }
    }
    Object result;
    try {
      result = method.invoke(cxfProxy, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SOAPFaultException fault && sessionIsGone(fault)) {
        pollLoop.fault(fault);
      }
      SoapFault oneWayFault = cause instanceof WebServiceException && !(cause instanceof SOAPFaultException)
          ? find(cause, SoapFault.class) : null;
      if (oneWayFault != null) {
        // CXF hands a fault answering a one-way call, or an undeclared fault when no SAAJ implementation
        // is present, over as a bare WebServiceException: name its code.
        QName code = oneWayFault.getSubCode() != null ? oneWayFault.getSubCode() : oneWayFault.getFaultCode();
        DuplexFaultException refused = new DuplexFaultException(code, oneWayFault.getMessage(), 500);
        if (new SoapFaultInfo(code, "").sessionIsGone()) {
          pollLoop.fault(refused);
        }
        throw refused;
      }
      throw cause;
    }
    if (!isAsync(method)) {
      pollLoop.callSucceeded(); // an async call has not reached the server yet; its acknowledgement starts polling
    }
    return result;
  }

  /** JAX-WS's async variants: {@code Response<T> opAsync(...)} and {@code Future<?> opAsync(..., AsyncHandler<T>)}. */
  private static boolean isAsync(Method method) {
    return method.getReturnType() == jakarta.xml.ws.Response.class || method.getReturnType() == java.util.concurrent.Future.class;
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (int depth = 0; t != null && depth < 10; t = t.getCause(), depth++) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static boolean sessionIsGone(SOAPFaultException e) {
    QName code = mostSpecificCode(e);
    return code != null && new SoapFaultInfo(code, "").sessionIsGone();
  }

  private static QName mostSpecificCode(SOAPFaultException e) {
    if (e.getFault() == null) {
      return null;
    }
    QName code = e.getFault().getFaultCodeAsQName();
    try {
      Iterator<QName> subcodes = e.getFault().getFaultSubcodes();
      while (subcodes != null && subcodes.hasNext()) {
        code = subcodes.next();
      }
    } catch (UnsupportedOperationException soap11) {
      // SOAP 1.1 has no subcodes: the faultcode is the specific code
    }
    return code;
  }
}
