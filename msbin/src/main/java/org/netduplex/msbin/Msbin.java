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

  /**
   * Tells binary messages by their HTTP Content-Type.
   *
   * @param contentType the header's value; parameters allowed, any case; null gives false
   * @return true when the media type is {@value #CONTENT_TYPE}
   */
  public static boolean isMsbin(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    return type.toLowerCase(Locale.ROOT).equals(CONTENT_TYPE);
  }

  /**
   * A reader over a binary message, with the {@link MsbinLimits#DEFAULTS default limits}.
   *
   * @param in the message; read as the reader advances, not closed by it
   * @return the reader, before its first event
   */
  public static MsbinXMLStreamReader reader(InputStream in) {
    return new MsbinXMLStreamReader(in, MsbinLimits.DEFAULTS);
  }

  /**
   * A reader over a binary message, with the given limits.
   *
   * @param in the message; read as the reader advances, not closed by it
   * @param limits bounds the reader enforces
   * @return the reader, before its first event
   */
  public static MsbinXMLStreamReader reader(InputStream in, MsbinLimits limits) {
    return new MsbinXMLStreamReader(in, limits);
  }

  /**
   * A reader over a binary message in memory, with the {@link MsbinLimits#DEFAULTS default limits}.
   *
   * @param message the whole message
   * @return the reader, before its first event
   * @throws MsbinFormatException if the message is longer than {@code maxTotalBytes}
   */
  public static MsbinXMLStreamReader reader(byte[] message) throws MsbinFormatException {
    return new MsbinXMLStreamReader(message, MsbinLimits.DEFAULTS);
  }

  /**
   * A reader over a binary message in memory, with the given limits.
   *
   * @param message the whole message
   * @param limits bounds the reader enforces
   * @return the reader, before its first event
   * @throws MsbinFormatException if the message is longer than {@code maxTotalBytes}
   */
  public static MsbinXMLStreamReader reader(byte[] message, MsbinLimits limits) throws MsbinFormatException {
    return new MsbinXMLStreamReader(message, limits);
  }

  /**
   * A writer of a binary message; call {@code writeEndDocument()} and {@code flush()} when done.
   *
   * @param out receives the encoded bytes; not closed by the writer
   * @return the writer, before its first event
   */
  public static MsbinXMLStreamWriter writer(OutputStream out) {
    return new MsbinXMLStreamWriter(out);
  }

  /**
   * Decodes a binary message to XML text (no XML declaration), with the default limits.
   *
   * @param message the whole message
   * @return the same infoset as XML text
   * @throws XMLStreamException if the bytes are not a binary message or break a limit
   *     ({@link MsbinFormatException})
   */
  public static String toText(byte[] message) throws XMLStreamException {
    return toText(message, MsbinLimits.DEFAULTS);
  }

  /**
   * Decodes a binary message to XML text (no XML declaration), with the given limits.
   *
   * @param message the whole message
   * @param limits bounds the decoder enforces
   * @return the same infoset as XML text
   * @throws XMLStreamException if the bytes are not a binary message or break a limit
   *     ({@link MsbinFormatException})
   */
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
   *
   * @param xml a whole XML document
   * @return the binary message
   * @throws XMLStreamException if the text is not well-formed, breaks a parser bound, or holds
   *     something binary XML cannot encode
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

  /**
   * Copies a document from any StAX reader to any StAX writer, ending and flushing the writer.
   *
   * @param from read to its end; not closed
   * @param to written, ended and flushed; not closed
   * @throws XMLStreamException if reading or writing fails
   */
  public static void copy(XMLStreamReader from, XMLStreamWriter to) throws XMLStreamException {
    StaxCopier.copy(from, to);
  }
}
