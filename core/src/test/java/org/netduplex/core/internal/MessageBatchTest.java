package org.netduplex.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageBatchTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void partsComeBackInOrderAndByteForByte() {
    List<byte[]> envelopes = List.of(utf8("<a>1</a>"), utf8("<b>\r\n--not-a-boundary\r\n</b>"), utf8("<c>é</c>"));
    MessageBatch.Encoded batch = MessageBatch.encode(envelopes, "text/xml; charset=utf-8");

    assertTrue(MessageBatch.isBatch(batch.contentType()), batch.contentType());
    List<byte[]> parts = MessageBatch.decode(batch.contentType(), batch.body());

    assertEquals(3, parts.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(new String(envelopes.get(i), StandardCharsets.UTF_8), new String(parts.get(i), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aBodyWithoutItsCloseDelimiterOrBoundaryIsRefused() {
    MessageBatch.Encoded batch = MessageBatch.encode(List.of(utf8("<a/>")), "text/xml");
    byte[] cut = java.util.Arrays.copyOf(batch.body(), batch.body().length - 20);
    assertThrows(IllegalArgumentException.class, () -> MessageBatch.decode(batch.contentType(), cut));
    assertThrows(IllegalArgumentException.class, () -> MessageBatch.decode("multipart/mixed", batch.body()));
    assertThrows(IllegalArgumentException.class, () -> MessageBatch.decode("multipart/mixed; boundary=x", utf8("<a/>")));
  }
}
