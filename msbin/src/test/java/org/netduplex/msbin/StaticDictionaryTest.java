package org.netduplex.msbin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.netduplex.msbin.TestSupport.hex;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.netduplex.msbin.internal.StaticDictionary;

/**
 * The static dictionary of [MC-NBFS] 2.1 as WCF carries it: Microsoft's {@code ServiceModelStringsVersion1}
 * (dotnet/wcf, System.ServiceModel.Primitives), String0..String486 at ids 0x00..0x3CC. wcf-interop's
 * DictionaryAgainstWcfTest checks every entry against Mono's binary encoder; this test guards the table without Mono.
 */
class StaticDictionaryTest {
  private static final StaticDictionary NBFS = StaticDictionary.NBFS;
  private static final String TLSNEGO = " http://schemas.xmlsoap.org/ws/2005/02/trust/tlsnego";

  @Test
  void everyEvenIdFrom0x00To0x3CCHoldsOneDistinctString() {
    assertEquals(487, NBFS.size());
    for (int id = 0; id <= 0x3CC; id += 2) {
      assertEquals(id, NBFS.idOf(NBFS.lookup(id)), "id 0x" + Integer.toHexString(id));
      assertNull(NBFS.lookup(id + 1), "odd ids belong to [MC-NBFSE]");
    }
    assertNull(NBFS.lookup(0x3CE));
    assertNull(NBFS.lookup(-2));
  }

  /** ServiceModelStringsVersion1.String81 is "", where a transcription of the specification's table had "-". */
  @Test
  void id0xA2IsTheEmptyString() {
    assertEquals("", NBFS.lookup(0xA2));
    assertEquals(-1, NBFS.idOf("-"));
  }

  /** String212, WCF's TlsnegoValueTypeUri, has a leading space (Mono's own security constants note it too). */
  @Test
  void id0x1A8HasWcfsLeadingSpace() {
    assertEquals(TLSNEGO, NBFS.lookup(0x1A8));
    assertEquals(-1, NBFS.idOf(TLSNEGO.substring(1)));
  }

  /**
   * SHA-256 of "0xID TAB string LF" for every id in order, computed from Microsoft's String0..String486: any edit of
   * any entry shows here.
   */
  @Test
  void tableIsWcfsEntryForEntry() throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (int id = 0; id <= 0x3CC; id += 2) {
      sha.update(String.format("0x%02X\t%s\n", id, NBFS.lookup(id)).getBytes(StandardCharsets.UTF_8));
    }
    assertEquals("73e19b45c0ddca0f40c1d119e2a213f90a883ebfd42a08543b9aee7b3090b893",
        HexFormat.of().formatHex(sha.digest()));
  }

  @Test
  void dictionaryTextA2DecodesAsEmptyAndADashIsWrittenAsCharacters() throws Exception {
    // <v> DictionaryTextWithEndElement 0xA2
    assertEquals("<v></v>", Msbin.toText(hex("40 01 76 AB A2 01")));
    byte[] dash = Msbin.fromText("<v x=\"-\">-</v>");
    assertEquals("40 01 76 04 01 78 98 01 2D 99 01 2D", hex(dash));
    assertEquals("<v x=\"-\">-</v>", Msbin.toText(dash));
  }

  /** The empty namespace stays inline (08 00, one byte shorter than a dictionary xmlns naming 0xA2). */
  @Test
  void undeclaringTheDefaultNamespaceStaysInline() throws Exception {
    byte[] undeclared = Msbin.fromText("<w xmlns=\"urn:x\"><v xmlns=\"\"/></w>");
    assertEquals("40 01 77 08 05 75 72 6E 3A 78 40 01 76 08 00 01 01", hex(undeclared));
    assertEquals("<w xmlns=\"urn:x\"><v xmlns=\"\"/></w>", Msbin.toText(undeclared));
  }

  @Test
  void theTlsnegoUriTravelsAsId0x1A8OnlyWithItsSpace() throws Exception {
    byte[] spaced = Msbin.fromText("<v>" + TLSNEGO + "</v>");
    assertEquals("40 01 76 AB A8 03", hex(spaced));
    assertEquals("<v>" + TLSNEGO + "</v>", Msbin.toText(spaced));
    assertFalse(hex(Msbin.fromText("<v>" + TLSNEGO.substring(1) + "</v>")).contains("AB A8 03"));
  }
}
