package org.netduplex.server.internal.front;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.stream.XMLStreamException;
import org.netduplex.core.internal.Bytes;
import org.netduplex.core.internal.Soap11Envelopes;
import org.netduplex.core.internal.Soap12Envelopes;
import org.netduplex.msbin.Msbin;
import org.netduplex.msbin.internal.RecordType;

/**
 * A text envelope's msbin1 form in three parts that are transcoded apart and joined: the head (the
 * envelope's start, its header and the {@code s:Body} start), the body (its content and the end of
 * {@code s:Body}), and {@link #TAIL}, the end of the envelope. Joined, they are byte for byte what
 * {@link Msbin#fromText} makes of the whole text envelope, because the writer carries nothing from
 * one element to a sibling: it uses the static dictionary only (no session dictionary in msbin1), the
 * header's namespace declarations end with {@code s:Header}, so a body is written in the envelope's
 * declarations alone (the same in every envelope of a SOAP version), and a start tag or text is held
 * only until the next event. Each part is transcoded inside a whole envelope, so a body may use the
 * envelope's prefixes as in text, and checked to be where the split expects it.
 */
final class MsbinParts {
  private static final byte END_ELEMENT = (byte) RecordType.END_ELEMENT_RECORD;
  /** The end of every binary envelope: {@code s:Envelope}'s EndElement. */
  static final byte[] TAIL = {END_ELEMENT};
  private static final byte[] SOAP11_BARE_HEAD = head(Soap11Envelopes.head(new byte[0]), Soap11Envelopes.close());
  private static final byte[] SOAP12_BARE_HEAD = head(Soap12Envelopes.headWithoutHeader(), Soap12Envelopes.close());

  private MsbinParts() {}

  /**
   * The binary of a text head ({@code <s:Envelope …>…<s:Body>}, ending where the body starts) whose
   * envelope ends with {@code close}: ends with {@code s:Body}'s start record.
   */
  static byte[] head(byte[] textHead, byte[] close) {
    byte[] whole = transcode(Bytes.concat(textHead, close));
    // An empty s:Body and the envelope's end are two EndElements, nothing else.
    int n = whole.length;
    if (n < 2 || whole[n - 1] != END_ELEMENT || whole[n - 2] != END_ELEMENT) {
      throw new IllegalStateException("an envelope head does not transcode as expected");
    }
    return Arrays.copyOf(whole, n - 2);
  }

  /** The binary of {@code body} (UTF-8 text, the content of {@code s:Body}) in a SOAP 1.1 or 1.2 envelope. */
  static byte[] body(byte[] body, boolean soap12) {
    byte[] textHead = soap12 ? Soap12Envelopes.headWithoutHeader() : Soap11Envelopes.head(new byte[0]);
    byte[] close = soap12 ? Soap12Envelopes.close() : Soap11Envelopes.close();
    byte[] binaryHead = soap12 ? SOAP12_BARE_HEAD : SOAP11_BARE_HEAD;
    byte[] whole = transcode(Bytes.concat(textHead, body, close));
    int n = whole.length;
    if (n < binaryHead.length + 1 || whole[n - 1] != END_ELEMENT
        || !Arrays.equals(whole, 0, binaryHead.length, binaryHead, 0, binaryHead.length)) {
      throw new IllegalStateException("a callback body does not transcode as expected");
    }
    return Arrays.copyOfRange(whole, binaryHead.length, n - 1);
  }

  /** As {@link Msbin#fromText}, which the captured exchanges pin, of a UTF-8 text envelope. */
  private static byte[] transcode(byte[] textEnvelope) {
    try {
      return Msbin.fromText(new String(textEnvelope, StandardCharsets.UTF_8));
    } catch (XMLStreamException e) {
      throw new IllegalStateException("a callback envelope does not encode as msbin1: " + e.getMessage(), e);
    }
  }
}
