package org.netduplex.msbin.internal;

/** Maps DictionaryString ids ([MC-NBFX] 2.1.4) to strings and back. */
public interface StringDictionary {
  /** The string with this id, or null when the id means nothing here. */
  String lookup(int id);

  /** The id of this string, or -1 when it has none. */
  int idOf(String value);
}
