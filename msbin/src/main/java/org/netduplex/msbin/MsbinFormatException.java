package org.netduplex.msbin;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/**
 * The bytes are not a well-formed [MC-NBFX] document, or they break a {@link MsbinLimits limit}.
 * {@link #offset()} is the byte offset in the message where the problem was found.
 */
public class MsbinFormatException extends XMLStreamException {
  /** Where decoding stopped, see {@link #offset()}. */
  private final long offset;

  /**
   * A decoding failure.
   *
   * @param message what is wrong; the offset is appended to it
   * @param offset byte offset from the start of the message
   */
  public MsbinFormatException(String message, long offset) {
    super(message + " (at byte " + offset + ")");
    this.location = new ByteLocation(offset);
    this.offset = offset;
  }

  /**
   * Where the problem was found.
   *
   * @return byte offset from the start of the message at which decoding stopped
   */
  public long offset() {
    return offset;
  }

  /** A StAX location for binary input: only the character offset (here: the byte offset) means anything. */
  record ByteLocation(long byteOffset) implements Location {
    @Override
    public int getLineNumber() {
      return -1;
    }

    @Override
    public int getColumnNumber() {
      return -1;
    }

    @Override
    public int getCharacterOffset() {
      return byteOffset > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) byteOffset;
    }

    @Override
    public String getPublicId() {
      return null;
    }

    @Override
    public String getSystemId() {
      return null;
    }
  }
}
