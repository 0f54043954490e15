package org.netduplex.server.internal.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * A request body read in full before anything parses it, or why it could not be: the outcome of a
 * {@link RequestBodyReader}.
 */
public sealed interface RequestBody {
  /** The whole body, within the size limit. */
  record Complete(byte[] bytes, int length) implements RequestBody {
    public InputStream stream() {
      return new ByteArrayInputStream(bytes, 0, length);
    }
  }

  /** The body grew past the limit (a chunked body, or one longer than it declared). */
  record TooLarge(long limit) implements RequestBody {}

  /** The connection failed mid-body: bad chunk framing, a reset, a body shorter than it declared. */
  record Unreadable(String reason) implements RequestBody {}
}
