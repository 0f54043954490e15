package org.netduplex.msbin.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;

/** Prefix bindings per open element, innermost last; {@code xml} and {@code xmlns} are always bound. */
public final class NamespaceScopes implements NamespaceContext {
  private String[] prefixes = new String[16];
  private String[] uris = new String[16];
  private int size;
  private int[] scopeStarts = new int[16];
  private int depth;

  /** Opens the scope of a new element. */
  public void push() {
    if (depth == scopeStarts.length) {
      scopeStarts = Arrays.copyOf(scopeStarts, depth * 2);
    }
    scopeStarts[depth++] = size;
  }

  /** Closes the innermost element's scope, dropping its bindings. */
  public void pop() {
    int start = scopeStarts[--depth];
    Arrays.fill(prefixes, start, size, null);
    Arrays.fill(uris, start, size, null);
    size = start;
  }

  public int depth() {
    return depth;
  }

  /** Binds {@code prefix} ("" for the default namespace) in the innermost scope. */
  public void bind(String prefix, String uri) {
    if (size == prefixes.length) {
      prefixes = Arrays.copyOf(prefixes, size * 2);
      uris = Arrays.copyOf(uris, size * 2);
    }
    prefixes[size] = prefix;
    uris[size++] = uri;
  }

  /** Bindings made in the innermost scope. */
  public int countInScope() {
    return depth == 0 ? size : size - scopeStarts[depth - 1];
  }

  public String prefixInScope(int i) {
    return prefixes[scopeStart() + i];
  }

  public String uriInScope(int i) {
    return uris[scopeStart() + i];
  }

  public boolean boundInScope(String prefix) {
    for (int i = scopeStart(); i < size; i++) {
      if (prefixes[i].equals(prefix)) {
        return true;
      }
    }
    return false;
  }

  private int scopeStart() {
    return depth == 0 ? 0 : scopeStarts[depth - 1];
  }

  /** The namespace bound to {@code prefix}, "" for an unbound default, null for an unbound prefix. */
  public String uriOf(String prefix) {
    for (int i = size - 1; i >= 0; i--) {
      if (prefixes[i].equals(prefix)) {
        return uris[i];
      }
    }
    return switch (prefix) {
      case "" -> "";
      case XMLConstants.XML_NS_PREFIX -> XMLConstants.XML_NS_URI;
      case XMLConstants.XMLNS_ATTRIBUTE -> XMLConstants.XMLNS_ATTRIBUTE_NS_URI;
      default -> null;
    };
  }

  /** A prefix currently bound to {@code uri} (innermost first, not shadowed), or null. */
  public String prefixOf(String uri) {
    for (int i = size - 1; i >= 0; i--) {
      if (uris[i].equals(uri) && uri.equals(uriOf(prefixes[i]))) {
        return prefixes[i];
      }
    }
    if (XMLConstants.XML_NS_URI.equals(uri)) {
      return XMLConstants.XML_NS_PREFIX;
    }
    if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(uri)) {
      return XMLConstants.XMLNS_ATTRIBUTE;
    }
    return uri.isEmpty() && "".equals(uriOf("")) ? "" : null;
  }

  /** A non-empty prefix bound to {@code uri}, as attributes need; or null. */
  public String nonDefaultPrefixOf(String uri) {
    for (int i = size - 1; i >= 0; i--) {
      if (!prefixes[i].isEmpty() && uris[i].equals(uri) && uri.equals(uriOf(prefixes[i]))) {
        return prefixes[i];
      }
    }
    return XMLConstants.XML_NS_URI.equals(uri) ? XMLConstants.XML_NS_PREFIX : null;
  }

  // ---- NamespaceContext ----

  @Override
  public String getNamespaceURI(String prefix) {
    if (prefix == null) {
      throw new IllegalArgumentException("null prefix");
    }
    String uri = uriOf(prefix);
    return uri == null ? XMLConstants.NULL_NS_URI : uri;
  }

  @Override
  public String getPrefix(String namespaceURI) {
    if (namespaceURI == null) {
      throw new IllegalArgumentException("null namespace");
    }
    return prefixOf(namespaceURI);
  }

  @Override
  public Iterator<String> getPrefixes(String namespaceURI) {
    List<String> found = new ArrayList<>();
    for (int i = size - 1; i >= 0; i--) {
      String p = prefixes[i];
      if (uris[i].equals(namespaceURI) && namespaceURI.equals(uriOf(p)) && !found.contains(p)) {
        found.add(p);
      }
    }
    String fixed = prefixOf(namespaceURI);
    if (found.isEmpty() && fixed != null) {
      found.add(fixed);
    }
    return found.iterator();
  }
}
