package org.netduplex.server.internal.cxf;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.netduplex.server.internal.DuplexFault;

/**
 * Refuses request bodies above the configured size: by declared length before reading anything, and
 * by counting bytes for a chunked body, so no request can make the server buffer more than the limit.
 */
public final class RequestSizeInterceptor extends AbstractPhaseInterceptor<Message> {
  private final int maxBytes;

  public RequestSizeInterceptor(int maxBytes) {
    super(Phase.RECEIVE);
    this.maxBytes = maxBytes;
  }

  @Override
  public void handleMessage(Message message) {
    Object req = message.get(AbstractHTTPDestination.HTTP_REQUEST);
    long declared = req instanceof HttpServletRequest r ? r.getContentLengthLong() : -1;
    if (declared > maxBytes) {
      throw DuplexFaults.toSoapFault(new DuplexFault(DuplexFault.Kind.REQUEST_TOO_LARGE,
          "Request body of " + declared + " bytes exceeds the limit of " + maxBytes + " bytes"));
    }
    InputStream in = message.getContent(InputStream.class);
    if (in != null) {
      message.setContent(InputStream.class, new LimitedInputStream(in, maxBytes));
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
