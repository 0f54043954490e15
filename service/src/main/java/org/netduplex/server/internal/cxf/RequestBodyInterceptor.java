package org.netduplex.server.internal.cxf;

import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.continuations.Continuation;
import org.apache.cxf.continuations.ContinuationProvider;
import org.apache.cxf.io.DelegatingInputStream;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.netduplex.server.internal.DuplexFault;
import org.netduplex.server.internal.http.RequestBody;
import org.netduplex.server.internal.http.RequestBodyReader;

/**
 * Reads every request body in full before CXF parses it, without holding a request thread while
 * the bytes arrive: the request is suspended (a CXF continuation, servlet async underneath), a
 * {@link RequestBodyReader} buffers the body as the container reports bytes, and CXF runs on the
 * buffered bytes once they are all there. So thousands of clients that send slowly cost memory for
 * what they sent, not threads. A declared length over the limit is refused before anything is read;
 * a chunked body that grows past it is refused as it does, both with {@code ndf:RequestTooLarge}.
 * A body already buffered by the container (the usual small request) is taken at once, without
 * suspending. Without async support (a servlet deployed without it) bodies are read blocking, with
 * the same limit. Docs/protocol.md section 16.
 */
public final class RequestBodyInterceptor extends AbstractPhaseInterceptor<Message> {
  private final int maxBytes;
  private final long timeoutMillis;

  public RequestBodyInterceptor(int maxBytes, long timeoutMillis) {
    super(Phase.RECEIVE);
    this.maxBytes = maxBytes;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public void handleMessage(Message message) {
    PendingBody pending = message.getExchange().get(PendingBody.class);
    if (pending != null) { // CXF re-enters here when the body is complete, failed or timed out
      message.getExchange().remove(PendingBody.class);
      use(message, pending.takeOrAbandon());
      return;
    }
    Object req = message.get(AbstractHTTPDestination.HTTP_REQUEST);
    if (!(req instanceof HttpServletRequest request) || !"POST".equals(request.getMethod())) {
      return; // the service page's GET has no body
    }
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      leaveBodyUnread(message);
      throw fault(message, tooLarge("Request body of " + declared + " bytes exceeds the limit of " + maxBytes + " bytes"));
    }
    try {
      if (declared == 0 || takeIfBuffered(message, request, declared)) {
        return;
      }
      ContinuationProvider provider = message.get(ContinuationProvider.class);
      Continuation continuation = provider == null ? null : provider.getContinuation();
      if (continuation == null) {
        // No async support: a blocking read, held to the limit. AsyncSupportCheck says what to change.
        message.setContent(InputStream.class, new LimitedInputStream(request.getInputStream(), maxBytes));
        return;
      }
      PendingBody body = new PendingBody(continuation);
      message.getExchange().put(PendingBody.class, body);
      continuation.suspend(timeoutMillis);
      RequestBodyReader.start(request.getInputStream(), declared, maxBytes, body::complete);
    } catch (IOException e) {
      throw fault(message, new RequestBody.Unreadable("the connection failed while the body was read"));
    }
  }

  /**
   * For a refused body: nothing more of it is read, and the connection closes after the fault
   * instead of carrying the unread bytes as a next request. CXF would drain it twice over: through
   * the message's input, and through the {@link DelegatingInputStream} on the servlet input that its
   * HTTP destination consumes (up to 16 MB, blocking) before it writes any response, so a client
   * that declared 10 MB and stalled would get the fault only when its connection timed out.
   */
  private static void leaveBodyUnread(Message message) {
    message.setContent(InputStream.class, InputStream.nullInputStream());
    DelegatingInputStream servletInput = message.getContent(DelegatingInputStream.class);
    if (servletInput != null) {
      servletInput.setInputStream(InputStream.nullInputStream());
    }
    if (message.get(AbstractHTTPDestination.HTTP_RESPONSE) instanceof jakarta.servlet.http.HttpServletResponse response) {
      response.setHeader("Connection", "close");
    }
  }

  /** Takes a body whose declared bytes the container already holds, so it reads without blocking. */
  private static boolean takeIfBuffered(Message message, HttpServletRequest request, long declared) throws IOException {
    InputStream in = request.getInputStream();
    if (declared < 0 || in.available() < declared) {
      return false;
    }
    byte[] bytes = in.readNBytes((int) declared);
    RequestBody.Complete body = new RequestBody.Complete(bytes, bytes.length);
    checkCharset(message, body);
    message.setContent(InputStream.class, body.stream());
    return true;
  }

  /**
   * A text body must decode in the charset its {@code Content-Type} names: refused here with a clear
   * Sender fault, before the XML parser fails on it in a way CXF reports as its own (Server) error.
   */
  private static void checkCharset(Message message, RequestBody.Complete body) {
    String name = declaredCharset(message);
    if (name == null) {
      return; // binary, or the XML declaration says (the parser checks it)
    }
    try {
      java.nio.charset.Charset.forName(name).newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(body.bytes(), 0, body.length()));
    } catch (java.nio.charset.CharacterCodingException e) {
      throw fault(message, new RequestBody.Unreadable("the body is not valid " + name));
    } catch (IllegalArgumentException e) {
      throw fault(message, new RequestBody.Unreadable("unknown charset " + name));
    }
  }

  private static String declaredCharset(Message message) {
    Object type = message.get(Message.CONTENT_TYPE);
    if (type == null || org.netduplex.msbin.Msbin.isMsbin(type.toString())) {
      return null;
    }
    java.util.regex.Matcher m = CHARSET.matcher(type.toString());
    return m.find() ? m.group(1).trim() : null;
  }

  private static final java.util.regex.Pattern CHARSET =
      java.util.regex.Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^;\"]*)");

  private void use(Message message, RequestBody body) {
    if (body instanceof RequestBody.Complete complete) {
      checkCharset(message, complete);
      message.setContent(InputStream.class, complete.stream());
    } else if (body == null) {
      throw fault(message, new RequestBody.Unreadable(
          "the body did not arrive within " + timeoutMillis / 1000 + " s"));
    } else {
      leaveBodyUnread(message);
      throw fault(message, body);
    }
  }

  private static SoapFault fault(Message message, RequestBody failed) {
    if (failed instanceof RequestBody.TooLarge t) {
      return fault(message, tooLarge("Request body exceeds the limit of " + t.limit() + " bytes"));
    }
    String reason = "Unreadable request: " + ((RequestBody.Unreadable) failed).reason();
    return message instanceof SoapMessage soap
        ? new SoapFault(reason, soap.getVersion().getSender())
        : new SoapFault(reason, org.apache.cxf.binding.soap.Soap11.getInstance().getSender());
  }

  private static DuplexFault tooLarge(String text) {
    return new DuplexFault(DuplexFault.Kind.REQUEST_TOO_LARGE, text);
  }

  private static SoapFault fault(Message message, DuplexFault f) {
    return message instanceof SoapMessage soap ? DuplexFaults.toSoapFault(f, soap.getVersion()) : DuplexFaults.toSoapFault(f);
  }

  /**
   * Between a suspended request and the reader filling its body. The outcome may come before the
   * request has suspended, or after the container's timeout resumed it (then it is dropped).
   */
  static final class PendingBody {
    private final Continuation continuation;
    private RequestBody outcome;
    private boolean abandoned;

    PendingBody(Continuation continuation) {
      this.continuation = continuation;
    }

    void complete(RequestBody body) {
      synchronized (this) {
        if (abandoned) {
          return;
        }
        outcome = body;
      }
      continuation.resume();
    }

    /** The body, or null if the timeout resumed the request first; nothing may resume it after. */
    synchronized RequestBody takeOrAbandon() {
      abandoned = true;
      return outcome;
    }
  }

  /** Fails the read that goes past the limit. */
  static final class LimitedInputStream extends FilterInputStream {
    private final int limit;
    private long count;

    LimitedInputStream(InputStream in, int limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      count += n;
      if (count > limit) {
        throw new IOException("Request body exceeds the limit of " + limit + " bytes");
      }
    }
  }
}
