package org.netduplex.msbin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netduplex.msbin.TestSupport.hex;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netduplex.msbin.internal.BinaryInput;
import org.netduplex.msbin.internal.BinaryOutput;

/** The structures of [MC-NBFX] 2.1 (the dictionary of [MC-NBFS] 2.1: StaticDictionaryTest). */
class PrimitivesTest {
  /** [MC-NBFX] 2.1.2.1 to 2.1.2.5; 2.1.2.4's example names 268435456 but its bytes are 2^21. */
  @ParameterizedTest(name = "{0} <-> {1}")
  @CsvSource({
    "17, 11",
    "145, 91 01",
    "5521, 91 2B",
    "16384, 80 80 01",
    "2097152, 80 80 80 01",
    "268435456, 80 80 80 80 01",
    "2147483647, FF FF FF FF 07",
    "127, 7F",
    "128, 80 01"
  })
  void multiByteInt31(int value, String bytes) throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    BinaryOutput out = new BinaryOutput(sink);
    out.writeMultiByteInt31(value);
    out.flush();
    assertEquals(bytes, hex(sink.toByteArray()));
    byte[] b = hex(bytes);
    assertEquals(value, new BinaryInput(b, 0, b.length, 100, 100).readMultiByteInt31("test"));
  }

  /** [MC-NBFX] 2.1.3: "abc" is 03 61 62 63. */
  @Test
  void string() throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    BinaryOutput out = new BinaryOutput(sink);
    out.writeString("abc");
    out.flush();
    assertEquals("03 61 62 63", hex(sink.toByteArray()));
  }
}
