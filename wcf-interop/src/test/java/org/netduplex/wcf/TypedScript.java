package org.netduplex.wcf;

import java.util.Random;
import java.util.UUID;
import org.netduplex.msbin.internal.StaticDictionary;

/**
 * Seeded {@code MsbinPeer.cs} writer scripts of what only a .NET writer makes: typed values (as text and as
 * attribute values), qualified names, dictionary names and text, arrays, inside a SOAP 1.2 envelope.
 */
final class TypedScript {
  private TypedScript() {}

  /** Typed values, qualified names, dictionary names and text, and arrays, as only a .NET writer makes them. */
  static String of(Random random, InfosetGenerator g) {
    StringBuilder s = new StringBuilder();
    Infoset.op(s, "SED", "s", "2", "4");                              // s:Envelope in the SOAP 1.2 namespace
    Infoset.op(s, "NS", "q", "urn:netduplex:q");
    int items = 1 + random.nextInt(12);
    for (int i = 0; i < items; i++) {
      String[] typed = typedValue(random, g);
      switch (random.nextInt(7)) {
        case 0 -> {
          Infoset.op(s, "SE", "", "t" + i, "");
          Infoset.op(s, "AV", "", "v", "", typed[0], typed[1]);
          Infoset.op(s, "V", typed[0], typed[1]);
          Infoset.op(s, "EE");
        }
        case 1 -> {
          Infoset.op(s, "SED", "", nameId(random), "6");
          Infoset.op(s, "AD", "", nameId(random), "0", g.value());
          Infoset.op(s, "TD", Integer.toString(2 * random.nextInt(487)));
          Infoset.op(s, "EE");
        }
        case 2 -> {
          Infoset.op(s, "SE", "", "qn", "");
          if (random.nextBoolean()) {
            Infoset.op(s, "QN", "local" + i, "urn:netduplex:q");
          } else {
            Infoset.op(s, "QND", nameId(random), "4");
          }
          Infoset.op(s, "EE");
        }
        case 3 -> {
          String type = pick(random, "i2", "i4", "i8", "bool", "f4", "f8", "dec", "ts", "dt");
          Infoset.op(s, "ARR", type, "q", "item", "urn:netduplex:q", arrayValues(random, type));
        }
        case 4 -> Infoset.op(s, "C", "comment " + i);
        case 5 -> { // no doubles inside mixed text: see sameButForDoublePrecision
          Infoset.op(s, "SE", "", "mixed", "");
          Infoset.op(s, "T", g.value());
          Infoset.op(s, "V", typed[0].equals("f8") ? "i4" : typed[0], typed[0].equals("f8") ? "8" : typed[1]);
          Infoset.op(s, "T", g.value());
          Infoset.op(s, "EE");
        }
        default -> {
          Infoset.op(s, "SE", "q", "x" + i, "urn:netduplex:q");
          Infoset.op(s, "V", typed[0], typed[1]);
          Infoset.op(s, "EE");
        }
      }
    }
    Infoset.op(s, "EE");
    return s.toString();
  }

  /** A dictionary id whose string is an XML name (WCF writes any string as a name; our reader refuses non-names). */
  private static String nameId(Random random) {
    while (true) {
      int id = 2 * random.nextInt(StaticDictionary.NBFS.size());
      String s = StaticDictionary.NBFS.lookup(id);
      if (s.matches("[A-Za-z_][A-Za-z0-9_.-]*") && !s.equals("xmlns")) { // our reader refuses the name xmlns
        return Integer.toString(id);
      }
    }
  }

  private static String[] typedValue(Random random, InfosetGenerator g) {
    return switch (random.nextInt(13)) {
      case 0 -> new String[] {"i4", Integer.toString(random.nextInt() >> random.nextInt(32))};
      case 1 -> new String[] {"i8", Long.toString(random.nextLong() >> random.nextInt(64))};
      case 2 -> new String[] {"u8", Long.toUnsignedString(random.nextLong())};
      case 3 -> new String[] {"dec", random.nextInt(2_000_000) - 1_000_000 + "." + random.nextInt(1000)};
      case 4 -> new String[] {"bool", random.nextBoolean() ? "true" : "false"};
      case 5 -> new String[] {"f4", Integer.toHexString(random.nextInt())};
      case 6 -> new String[] {"f8", Long.toHexString(random.nextLong())};
      case 7 -> new String[] {"guid", new UUID(random.nextLong(), random.nextLong()).toString()};
      case 8 -> new String[] {"uid", new UUID(random.nextLong(), random.nextLong()).toString()};
      // UTC and unspecified: a local DateTime reads in the reading machine's zone, which both sides share here
      case 9 -> new String[] {"dt", (long) (random.nextDouble() * 3_155_378_975_999_999_999L) + ":" + random.nextInt(3)};
      case 10 -> new String[] {"ts", Long.toString(random.nextLong() >> random.nextInt(64))};
      case 11 -> new String[] {"b64", g.base64(random.nextInt(40))};
      default -> new String[] {"i4", pick(random, "0", "1", "-1", "127", "128", "-128", "-129", "32767", "32768",
          "2147483647", "-2147483648")};
    };
  }

  /** 1 to 5 values in the range of {@code type} (booleans as true/false, DateTimes as ticks, mirrored if negative). */
  private static String arrayValues(Random random, String type) {
    long bound = switch (type) {
      case "i2" -> Short.MAX_VALUE;
      case "i4" -> Integer.MAX_VALUE;
      case "dt" -> 3_155_378_975_999_999_999L;
      default -> Long.MAX_VALUE;
    };
    StringBuilder s = new StringBuilder();
    int n = 1 + random.nextInt(5);
    for (int i = 0; i < n; i++) {
      long v = random.nextBoolean() ? random.nextInt(200) - 100 : random.nextLong() >> random.nextInt(64);
      s.append(i > 0 ? "," : "").append(type.equals("bool") ? String.valueOf(v % 2 == 0) : String.valueOf(v % bound));
    }
    return s.toString();
  }

  private static String pick(Random random, String... options) {
    return options[random.nextInt(options.length)];
  }
}
