package org.netduplex.msbin;

import com.ctc.wstx.stax.WstxOutputFactory;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.netduplex.core.internal.SafeXml;
import org.netduplex.msbin.internal.StaxCopier;

/**
 * The .NET Binary Format for XML and SOAP ({@code application/soap+msbin1}): [MC-NBFX] records with
 * the [MC-NBFS] static dictionary, as StAX. Start here:
 *
 * <pre>{@code
 * XMLStreamReader r = Msbin.reader(request.getInputStream());   // binary in, StAX out
 * XMLStreamWriter w = Msbin.writer(response.getOutputStream()); // StAX in, binary out
 * byte[] bytes = Msbin.fromText(envelopeXml);                  // transcode a text message
 * String xml = Msbin.toText(bytes);
 * }</pre>
 */
public final class Msbin {
  /** Content type of a binary SOAP message over HTTP, without parameters. */
  public static final String CONTENT_TYPE = "application/soap+msbin1";

  private static final XMLOutputFactory TEXT_OUTPUT = new WstxOutputFactory();

  private Msbin() {}

  /** True when {@code contentType} (parameters allowed, any case) is {@code application/soap+msbin1}. */
  public static boolean isMsbin(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    return type.toLowerCase(Locale.ROOT).equals(CONTENT_TYPE);
  }

  /** A reader over a binary message, with the {@link MsbinLimits#DEFAULTS default limits}. */
  public static MsbinXMLStreamReader reader(InputStream in) {
    return new MsbinXMLStreamReader(in, MsbinLimits.DEFAULTS);
  }

  public static MsbinXMLStreamReader reader(InputStream in, MsbinLimits limits) {
    return new MsbinXMLStreamReader(in, limits);
  }

  /** A reader over a binary message in memory. */
  public static MsbinXMLStreamReader reader(byte[] message) throws MsbinFormatException {
    return new MsbinXMLStreamReader(message, MsbinLimits.DEFAULTS);
  }

  public static MsbinXMLStreamReader reader(byte[] message, MsbinLimits limits) throws MsbinFormatException {
    return new MsbinXMLStreamReader(message, limits);
  }

  /** A writer of a binary message; call {@code writeEndDocument()} and {@code flush()} when done. */
  public static MsbinXMLStreamWriter writer(OutputStream out) {
    return new MsbinXMLStreamWriter(out);
  }

  /** Decodes a binary message to XML text (no XML declaration). */
  public static String toText(byte[] message) throws XMLStreamException {
    return toText(message, MsbinLimits.DEFAULTS);
  }

  public static String toText(byte[] message, MsbinLimits limits) throws XMLStreamException {
    StringWriter text = new StringWriter(message.length * 2);
    XMLStreamWriter to = TEXT_OUTPUT.createXMLStreamWriter(text);
    StaxCopier.copy(reader(message, limits), to);
    to.close();
    return text.toString();
  }

  /**
   * Encodes XML text as a binary message. The text is parsed by netduplex-core's hardened parser
   * (no DTDs, bounded depth and sizes); processing instructions cannot be encoded and fail.
   */
  public static byte[] fromText(String xml) throws XMLStreamException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(xml.length());
    XMLStreamReader from = SafeXml.inputFactory().createXMLStreamReader(new StringReader(xml));
    try {
      copy(from, writer(bytes));
    } finally {
      from.close();
    }
    return bytes.toByteArray();
  }

  /** Copies a document from any StAX reader to any StAX writer, ending and flushing the writer. */
  public static void copy(XMLStreamReader from, XMLStreamWriter to) throws XMLStreamException {
    StaxCopier.copy(from, to);
  }
}
