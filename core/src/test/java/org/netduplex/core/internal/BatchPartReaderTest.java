package org.netduplex.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPartReaderTest {
  private static final String TYPE = "text/xml; charset=utf-8";

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void eachPartIsHandedOnAsSoonAsItsWriteArrivesNotAtTheClose() {
    String boundary = MessageBatch.newBoundary();
    BatchPartReader reader = new BatchPartReader(MessageBatch.contentType(boundary), 1_000);

    byte[] first = MessageBatch.parts(List.of(utf8("<a>1</a>")), TYPE, boundary, true);
    assertEquals(List.of("<a>1</a>"), texts(reader.feed(first, 0, first.length)));
    byte[] second = MessageBatch.parts(List.of(utf8("<b>2</b>"), utf8("<c>3</c>")), TYPE, boundary, false);
    assertEquals(List.of("<b>2</b>", "<c>3</c>"), texts(reader.feed(second, 0, second.length)));
    assertFalse(reader.closed());
    byte[] close = MessageBatch.close();

    assertEquals(List.of(), reader.feed(close, 0, close.length));
    assertTrue(reader.closed());
  }

  @Test
  void writesOfAStreamedAnswerMakeTheBodyEncodeMakes() {
    List<byte[]> envelopes = List.of(utf8("<a>1</a>"), utf8("<b>2</b>"));
    MessageBatch.Encoded batch = MessageBatch.encode(envelopes, TYPE);
    String boundary = MessageBatch.boundary(batch.contentType());

    String streamed = text(MessageBatch.parts(envelopes.subList(0, 1), TYPE, boundary, true))
        + text(MessageBatch.parts(envelopes.subList(1, 2), TYPE, boundary, false)) + text(MessageBatch.close());

    assertEquals(text(batch.body()), streamed);
    assertEquals("--" + boundary + "\r\nContent-Type: " + TYPE + "\r\n\r\n<a>1</a>\r\n--" + boundary
        + "\r\nContent-Type: " + TYPE + "\r\n\r\n<b>2</b>\r\n--" + boundary + "--\r\n", streamed);
  }

  private static List<String> texts(List<byte[]> parts) {
    return parts.stream().map(BatchPartReaderTest::text).toList();
  }

  @Test
  void aBufferedBatchFedOneByteAtATimeGivesThePartsDecodeGives() {
    List<byte[]> envelopes = List.of(utf8("<a>1</a>"), utf8("<b>\r\n--not-a-boundary\r\n</b>"), utf8("<c>é</c>"));
    MessageBatch.Encoded batch = MessageBatch.encode(envelopes, TYPE);
    BatchPartReader reader = new BatchPartReader(batch.contentType(), 1_000);

    List<String> parts = new ArrayList<>();
    for (int i = 0; i < batch.body().length; i++) {
      reader.feed(batch.body(), i, 1).forEach(p -> parts.add(text(p)));
    }

    assertEquals(MessageBatch.decode(batch.contentType(), batch.body()).stream().map(BatchPartReaderTest::text).toList(), parts);
    assertEquals(3, parts.size());
    assertTrue(reader.closed());
  }

  @Test
  void aCutAnswerIsNotClosedAndAPartOverTheLimitIsRefusedBeforeItEnds() {
    MessageBatch.Encoded batch = MessageBatch.encode(List.of(utf8("<a/>")), TYPE);
    BatchPartReader cut = new BatchPartReader(batch.contentType(), 1_000);
    cut.feed(batch.body(), 0, batch.body().length - 20);
    assertFalse(cut.closed());

    String boundary = MessageBatch.newBoundary();
    BatchPartReader limited = new BatchPartReader(MessageBatch.contentType(boundary), 100);
    byte[] big = MessageBatch.parts(List.of(utf8("<a>" + "x".repeat(500) + "</a>")), TYPE, boundary, true);
    assertThrows(IllegalArgumentException.class, () -> limited.feed(big, 0, big.length));
    assertThrows(IllegalArgumentException.class, () -> new BatchPartReader("multipart/mixed", 100));
    BatchPartReader noBoundary = new BatchPartReader("multipart/mixed; boundary=x", 100);
    byte[] junk = utf8("y".repeat(200));
    assertThrows(IllegalArgumentException.class, () -> noBoundary.feed(junk, 0, junk.length));
  }
}
