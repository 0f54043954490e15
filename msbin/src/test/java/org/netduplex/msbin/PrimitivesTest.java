package org.netduplex.msbin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netduplex.msbin.TestSupport.hex;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netduplex.msbin.internal.BinaryInput;
import org.netduplex.msbin.internal.BinaryOutput;
import org.netduplex.msbin.internal.StaticDictionary;

/** The structures of [MC-NBFX] 2.1 and the dictionary of [MC-NBFS] 2.1. */
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

  @Test
  void staticDictionaryHasEveryEvenIdOfMcNbfsSection21() {
    StaticDictionary d = StaticDictionary.NBFS;
    assertEquals(487, d.size());
    for (int id = 0; id <= 0x3CC; id += 2) {
      assertEquals(id, d.idOf(d.lookup(id)), "id " + id);
    }
    assertEquals("mustUnderstand", d.lookup(0x00));
    assertEquals("http://www.w3.org/2005/08/addressing/anonymous", d.lookup(0x14));
    assertEquals("-", d.lookup(0xA2));
    assertEquals("http://docs.oasis-open.org/wss/oasis-wss-soap-message-security-1.1#EncryptedKey", d.lookup(0x17A));
    assertEquals("http://www.w3.org/2001/XMLSchema-instance", d.lookup(0x372));
    assertEquals("http://schemas.xmlsoap.org/soap/envelope/", d.lookup(0x3C2));
    assertEquals("detail", d.lookup(0x3CC));
    assertEquals(null, d.lookup(0x3CE));
    assertEquals(null, d.lookup(1));
  }
}
