package org.netduplex.wcf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netduplex.msbin.internal.StaticDictionary;

/**
 * Every id of our static dictionary against what WCF's binary message encoder (Mono's) resolves it to, by reading a
 * DictionaryText record for each id through {@code MessageEncoder.ReadMessage} ({@code DictionaryDump.cs}).
 *
 * <p>Mono's encoder carries its own transcription of the [MC-NBFS] table ({@code System.ServiceModel.Constants}), and
 * it differs from Microsoft's {@code ServiceModelStringsVersion1} in six places, listed in {@link #MONO_DEVIATIONS}:
 * there the test asserts both that Mono still says what we documented and that our table has Microsoft's string.
 */
class DictionaryAgainstWcfTest {
  /** Mono's string at an id where it is not Microsoft's; "!" is an id Mono cannot resolve. */
  static final Map<Integer, String> MONO_DEVIATIONS = new LinkedHashMap<>();
  /** Microsoft's ServiceModelStringsVersion1 at the same ids. */
  static final Map<Integer, String> MICROSOFT = new LinkedHashMap<>();

  static {
    deviation(0x1A8, "http://schemas.xmlsoap.org/ws/2005/02/trust/tlsnego",
        " http://schemas.xmlsoap.org/ws/2005/02/trust/tlsnego");
    deviation(0x3C4, "Actor", "actor");
    deviation(0x3C6, "Faultcode", "faultcode");
    deviation(0x3C8, "Faultstring", "faultstring");
    deviation(0x3CA, "Faultactor", "faultactor");
    // Mono's list ends in "Detail", already at 0x98: XmlDictionary.Add returns the existing string, so no id 0x3CC.
    deviation(0x3CC, "!XmlException", "detail");
  }

  private static void deviation(int id, String mono, String microsoft) {
    MONO_DEVIATIONS.put(id, mono);
    MICROSOFT.put(id, microsoft);
  }

  @Test
  void everyEntryIsWhatWcfsBinaryEncoderResolves() {
    Map<Integer, String> wcf = dump();
    assertEquals(0x3D2 / 2 + 1, wcf.size(), "the dump covers every even id 0x00..0x3D2");
    List<String> wrong = new ArrayList<>();
    int agreeing = 0;
    for (Map.Entry<Integer, String> e : wcf.entrySet()) {
      int id = e.getKey();
      String ours = StaticDictionary.NBFS.lookup(id);
      String oursAsPrinted = ours == null ? "!XmlException" : Canonical.escape(ours);
      String expectedFromMono = MONO_DEVIATIONS.getOrDefault(id, oursAsPrinted);
      if (!e.getValue().equals(expectedFromMono)) {
        wrong.add(String.format("0x%X: Mono [%s], ours [%s]", id, e.getValue(), ours));
      } else if (MICROSOFT.containsKey(id) && !MICROSOFT.get(id).equals(ours)) {
        wrong.add(String.format("0x%X: Mono deviates as documented, but ours [%s] is not Microsoft's [%s]",
            id, ours, MICROSOFT.get(id)));
      } else if (!MONO_DEVIATIONS.containsKey(id) && ours != null) {
        agreeing++;
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    assertEquals(487 - MONO_DEVIATIONS.size(), agreeing);
  }

  private static Map<Integer, String> dump() {
    String out = Mono.run("DictionaryDump", new byte[0], 60).assertSucceeded().stdout;
    Map<Integer, String> byId = new LinkedHashMap<>();
    for (String line : out.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      byId.put(Integer.decode(line.substring(0, tab)), line.substring(tab + 1));
    }
    return byId;
  }
}
