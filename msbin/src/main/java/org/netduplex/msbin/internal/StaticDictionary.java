package org.netduplex.msbin.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The static dictionary of [MC-NBFS] section 2.1 (even ids 0x00..0x3CC), loaded from {@code
 * nbfs-dictionary.txt}. Odd ids belong to [MC-NBFSE] session dictionaries and are absent here.
 */
public final class StaticDictionary implements StringDictionary {
  public static final StaticDictionary NBFS = load("/org/netduplex/msbin/nbfs-dictionary.txt");

  private final String[] byId;
  private final Map<String, Integer> ids;

  private StaticDictionary(String[] byId, Map<String, Integer> ids) {
    this.byId = byId;
    this.ids = ids;
  }

  @Override
  public String lookup(int id) {
    return id >= 0 && id < byId.length ? byId[id] : null;
  }

  @Override
  public int idOf(String value) {
    Integer id = ids.get(value);
    return id == null ? -1 : id;
  }

  /** Number of strings. */
  public int size() {
    return ids.size();
  }

  private static StaticDictionary load(String resource) {
    try (InputStream in = StaticDictionary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<Integer, String> entries = new HashMap<>();
      int maxId = 0;
      for (String line; (line = lines.readLine()) != null; ) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        int id = Integer.decode(line.substring(0, tab));
        entries.put(id, line.substring(tab + 1));
        maxId = Math.max(maxId, id);
      }
      String[] byId = new String[maxId + 1];
      Map<String, Integer> ids = new HashMap<>(entries.size() * 2);
      entries.forEach((id, s) -> {
        byId[id] = s;
        ids.put(s, id);
      });
      return new StaticDictionary(byId, Map.copyOf(ids));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
