package org.netduplex.jetty.internal;

import java.nio.ByteBuffer;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.netduplex.core.NetDuplex;
import org.netduplex.core.internal.RefusalLog;

/**
 * Jetty's answer to what never reaches the endpoint's interceptors: a request line or headers it
 * cannot parse, a length it cannot believe (the status and its standard reason as one line of plain
 * text), or a POST that failed in CXF's transport before the SOAP chain ran (an unparsable charset in
 * {@code Content-Type}: a SOAP fault in the request's SOAP version). Never Jetty's HTML page, which
 * repeats the parser's or the exception's message and names the server; one refusal line each.
 */
public final class PlainErrorHandler extends ErrorHandler {
  private static final HttpField PLAIN = new HttpField(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
  private final RefusalLog refusals;

  public PlainErrorHandler(RefusalLog refusals) {
    this.refusals = refusals;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    String client = Request.getRemoteAddr(request) + ":" + Request.getRemotePort(request);
    if (code == HttpStatus.INTERNAL_SERVER_ERROR_500 && cause != null && "POST".equals(request.getMethod())) {
      String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
      boolean soap12 = type != null && type.toLowerCase(Locale.ROOT).startsWith("application/soap+xml");
      boolean badCharset = badCharset(cause);
      String reason = badCharset ? "Unreadable request: unknown charset in Content-Type"
          : "The server could not process the request";
      refusals.warning(() -> "Refused request from " + client + ": " + (badCharset ? reason : reason + ": " + cause));
      response.getHeaders().put(HttpHeader.CONTENT_TYPE,
          (soap12 ? "application/soap+xml" : "text/xml") + "; charset=utf-8");
      response.write(true, ByteBuffer.wrap(fault(soap12, badCharset, reason)), callback);
      return;
    }
    refusals.warning(() -> "Refused request from " + client + ": HTTP " + code);
    response.getHeaders().put(PLAIN);
    response.write(true, ByteBuffer.wrap(text(code)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    refusals.warning(() -> "Refused an unparsable request: HTTP " + status);
    fields.put(PLAIN);
    return ByteBuffer.wrap(text(status));
  }

  private static boolean badCharset(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof IllegalCharsetNameException || c instanceof UnsupportedCharsetException) {
        return true;
      }
    }
    return false;
  }

  private static byte[] fault(boolean soap12, boolean sender, String reason) {
    String xml = soap12
        ? "<s:Envelope xmlns:s=\"" + NetDuplex.SOAP12_NS + "\"><s:Body><s:Fault><s:Code><s:Value>s:"
            + (sender ? "Sender" : "Receiver") + "</s:Value></s:Code><s:Reason><s:Text xml:lang=\"en\">" + reason
            + "</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>"
        : "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault><faultcode>s:"
            + (sender ? "Client" : "Server") + "</faultcode><faultstring xml:lang=\"en\">" + reason
            + "</faultstring></s:Fault></s:Body></s:Envelope>";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] text(int code) {
    String reason = HttpStatus.getMessage(code);
    return (code + " " + (reason == null ? "" : reason) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
