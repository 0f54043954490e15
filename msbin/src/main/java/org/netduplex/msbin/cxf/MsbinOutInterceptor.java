package org.netduplex.msbin.cxf;

import java.io.OutputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.StaxOutInterceptor;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageUtils;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.netduplex.msbin.Msbin;

/**
 * Encodes an outgoing message in binary when it answers a binary request (see {@link
 * MsbinInInterceptor}), or, when built with {@code binaryRequests}, when it is a request from a
 * client. It puts a {@link org.netduplex.msbin.MsbinXMLStreamWriter} where {@link
 * StaxOutInterceptor} would put a text writer (that interceptor then steps aside), sets the
 * Content-Type, and ends the document at PRE_STREAM_ENDING. Other messages pass untouched.
 */
public class MsbinOutInterceptor extends AbstractPhaseInterceptor<Message> {
  private static final String HIDDEN_STREAM = MsbinOutInterceptor.class.getName() + ".stream";
  private final boolean binaryRequests;
  private final Ending ending = new Ending();

  /** Answers binary requests in binary. */
  public MsbinOutInterceptor() {
    this(false);
  }

  /**
   * Answers binary requests in binary and, if asked, encodes a client's requests too.
   *
   * @param binaryRequests true to also encode the requests a client sends
   */
  public MsbinOutInterceptor(boolean binaryRequests) {
    super(Phase.PRE_STREAM);
    addBefore(StaxOutInterceptor.class.getName());
    this.binaryRequests = binaryRequests;
  }

  @Override
  public void handleMessage(Message message) {
    if (!shouldEncode(message) || message.getContent(XMLStreamWriter.class) != null) {
      return;
    }
    OutputStream out = message.getContent(OutputStream.class);
    if (out == null) {
      return;
    }
    message.put(Message.CONTENT_TYPE, Msbin.CONTENT_TYPE);
    // CXF appends "; charset=..." when an encoding is set; a binary body has none.
    message.remove(Message.ENCODING);
    message.setContent(XMLStreamWriter.class, Msbin.writer(out));
    // While an OutputStream is visible, CXF's JAXB binding marshals the body straight into it as
    // text, past the XMLStreamWriter. Hide the stream until the document is complete.
    message.put(HIDDEN_STREAM, out);
    message.removeContent(OutputStream.class);
    message.getInterceptorChain().add(ending);
  }

  /** The chain is unwinding after a failure: give the stream back so the fault can be written. */
  @Override
  public void handleFault(Message message) {
    message.removeContent(XMLStreamWriter.class);
    restoreStream(message);
  }

  static void restoreStream(Message message) {
    OutputStream out = (OutputStream) message.remove(HIDDEN_STREAM);
    if (out != null) {
      message.setContent(OutputStream.class, out);
    }
  }

  private boolean shouldEncode(Message message) {
    Exchange exchange = message.getExchange();
    if (exchange != null && Boolean.TRUE.equals(exchange.get(MsbinInInterceptor.BINARY_REQUEST))) {
      return true;
    }
    return binaryRequests && MessageUtils.isRequestor(message);
  }

  /** Closes the document and hands the buffered bytes to the transport. */
  static final class Ending extends AbstractPhaseInterceptor<Message> {
    Ending() {
      super(Phase.PRE_STREAM_ENDING);
    }

    @Override
    public void handleMessage(Message message) {
      XMLStreamWriter writer = message.getContent(XMLStreamWriter.class);
      try {
        if (writer == null) {
          return;
        }
        writer.writeEndDocument();
        writer.flush();
      } catch (XMLStreamException e) {
        throw new Fault(e);
      } finally {
        message.removeContent(XMLStreamWriter.class);
        restoreStream(message);
      }
    }
  }
}
