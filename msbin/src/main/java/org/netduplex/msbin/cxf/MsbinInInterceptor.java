package org.netduplex.msbin.cxf;

import java.io.InputStream;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.interceptor.StaxInInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.netduplex.msbin.Msbin;
import org.netduplex.msbin.MsbinLimits;

/**
 * For a message whose Content-Type is {@code application/soap+msbin1}, puts a binary
 * {@link org.netduplex.msbin.MsbinXMLStreamReader} where {@link StaxInInterceptor} would put a text
 * parser (it then steps aside), so the SOAP stack reads the binary message as usual. It also marks
 * the exchange, so {@link MsbinOutInterceptor} answers in binary. Other messages pass untouched.
 */
public class MsbinInInterceptor extends AbstractPhaseInterceptor<Message> {
  /** Exchange key: Boolean.TRUE when the request came in binary. */
  public static final String BINARY_REQUEST = MsbinInInterceptor.class.getName() + ".binaryRequest";

  private final MsbinLimits limits;

  /** Decodes with the {@link MsbinLimits#DEFAULTS default limits}. */
  public MsbinInInterceptor() {
    this(MsbinLimits.DEFAULTS);
  }

  /**
   * Decodes with the given limits.
   *
   * @param limits bounds the decoder enforces
   */
  public MsbinInInterceptor(MsbinLimits limits) {
    super(Phase.POST_STREAM);
    addBefore(StaxInInterceptor.class.getName());
    this.limits = limits;
  }

  @Override
  public void handleMessage(Message message) {
    if (!Msbin.isMsbin((String) message.get(Message.CONTENT_TYPE))
        || message.getContent(XMLStreamReader.class) != null) {
      return;
    }
    InputStream in = message.getContent(InputStream.class);
    if (in == null) {
      return;
    }
    // Marked before a byte is decoded, so a fault about a malformed request goes back in binary too.
    if (message.getExchange() != null) {
      message.getExchange().put(BINARY_REQUEST, Boolean.TRUE);
    }
    message.setContent(XMLStreamReader.class, Msbin.reader(in, limits));
  }
}
