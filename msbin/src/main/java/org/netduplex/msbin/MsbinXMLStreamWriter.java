package org.netduplex.msbin;

import static org.netduplex.msbin.internal.RecordType.*;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Iterator;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.netduplex.msbin.internal.BinaryOutput;
import org.netduplex.msbin.internal.NamespaceScopes;
import org.netduplex.msbin.internal.StaticDictionary;
import org.netduplex.msbin.internal.StringDictionary;
import org.netduplex.msbin.internal.TextRecordWriter;

/**
 * Writes StAX calls as a binary XML document ([MC-NBFX] records), using [MC-NBFS] dictionary
 * records for names, namespaces and values found in the static dictionary, and typed text records
 * where they decode to exactly the characters written.
 *
 * <p>A start tag is held until its attributes are complete and text until the next tag, so an
 * element's last text becomes a *WithEndElement record. Namespaces are repaired: a prefix used but
 * not declared in scope gets its declaration on the element. Comments are kept; processing
 * instructions, DTDs and entity references have no binary form and are refused.
 *
 * <p>Not thread-safe. {@link #close()} flushes but does not close the underlying stream.
 */
public final class MsbinXMLStreamWriter implements XMLStreamWriter {
  private final BinaryOutput out;
  private final StringDictionary dictionary;
  private final TextRecordWriter texts;
  /** Declarations on the open elements (including the pending start tag). */
  private final NamespaceScopes declared = new NamespaceScopes();
  /** setPrefix/setDefaultNamespace bindings: they pick prefixes, declarations come from repair. */
  private final NamespaceScopes preferred = new NamespaceScopes();
  private NamespaceContext outerContext;

  private int depth;
  private boolean rootStarted;
  private int generatedPrefixes;

  private boolean startOpen;
  private boolean startIsEmpty;
  private String startPrefix;
  private String startLocal;
  private String startUri; // null: whatever the prefix is bound to

  // The pending start tag's attributes and xmlns declarations, in call order.
  private int itemCount;
  private boolean[] itemIsXmlns = new boolean[8];
  private String[] itemPrefix = new String[8];
  private String[] itemLocal = new String[8];
  private String[] itemValue = new String[8];

  private final StringBuilder pendingText = new StringBuilder();

  /**
   * A writer with the [MC-NBFS] static dictionary, as WCF's binary message encoder uses.
   *
   * @param out receives the encoded bytes; not closed by the writer
   */
  public MsbinXMLStreamWriter(OutputStream out) {
    this(out, StaticDictionary.NBFS);
  }

  MsbinXMLStreamWriter(OutputStream out, StringDictionary dictionary) {
    this.out = new BinaryOutput(out);
    this.dictionary = dictionary;
    this.texts = new TextRecordWriter(this.out, dictionary);
  }

  // ---------------------------------------------------------------- elements

  @Override
  public void writeStartElement(String localName) throws XMLStreamException {
    openElement("", localName, null, false);
  }

  @Override
  public void writeStartElement(String namespaceURI, String localName) throws XMLStreamException {
    openElement(null, localName, nonNull(namespaceURI), false);
  }

  @Override
  public void writeStartElement(String prefix, String localName, String namespaceURI) throws XMLStreamException {
    openElement(prefix == null ? "" : prefix, localName, nonNull(namespaceURI), false);
  }

  @Override
  public void writeEmptyElement(String namespaceURI, String localName) throws XMLStreamException {
    openElement(null, localName, nonNull(namespaceURI), true);
  }

  @Override
  public void writeEmptyElement(String prefix, String localName, String namespaceURI) throws XMLStreamException {
    openElement(prefix == null ? "" : prefix, localName, nonNull(namespaceURI), true);
  }

  @Override
  public void writeEmptyElement(String localName) throws XMLStreamException {
    openElement("", localName, null, true);
  }

  private void openElement(String prefix, String localName, String uri, boolean empty) throws XMLStreamException {
    if (localName == null || localName.isEmpty()) {
      throw new XMLStreamException("element without a name");
    }
    finishStartTag();
    flushText(false);
    if (depth == 0 && rootStarted) {
      throw new XMLStreamException("a second root element <" + localName + "> (one is allowed)");
    }
    declared.push();
    preferred.push();
    depth++;
    rootStarted = true;
    startOpen = true;
    startIsEmpty = empty;
    startPrefix = prefix == null ? elementPrefixFor(uri) : prefix;
    startLocal = localName;
    startUri = uri;
    itemCount = 0;
  }

  private String elementPrefixFor(String uri) {
    if (uri.isEmpty()) {
      return "";
    }
    String p = lookupPrefix(uri, false);
    return p != null ? p : generatePrefix();
  }

  @Override
  public void writeEndElement() throws XMLStreamException {
    finishStartTag();
    if (depth == 0) {
      throw new XMLStreamException("writeEndElement with no open element");
    }
    if (pendingText.length() > 0) {
      flushText(true);
    } else {
      out.write(END_ELEMENT_RECORD);
    }
    closeScope();
  }

  private void closeScope() {
    declared.pop();
    preferred.pop();
    depth--;
  }

  @Override
  public void writeEndDocument() throws XMLStreamException {
    finishStartTag();
    while (depth > 0) {
      writeEndElement();
    }
  }

  // ---------------------------------------------------------------- attributes and namespaces

  @Override
  public void writeAttribute(String localName, String value) throws XMLStreamException {
    if (XMLConstants.XMLNS_ATTRIBUTE.equals(localName)) {
      writeDefaultNamespace(value);
      return;
    }
    addItem(false, "", localName, value);
  }

  @Override
  public void writeAttribute(String namespaceURI, String localName, String value) throws XMLStreamException {
    writeAttribute(null, namespaceURI, localName, value);
  }

  @Override
  public void writeAttribute(String prefix, String namespaceURI, String localName, String value)
      throws XMLStreamException {
    String uri = nonNull(namespaceURI);
    if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(uri) || XMLConstants.XMLNS_ATTRIBUTE.equals(prefix)) {
      writeNamespace(localName, value); // a DOM copy handing us its xmlns attributes
      return;
    }
    if (uri.isEmpty()) {
      addItem(false, "", localName, value);
      return;
    }
    String p = prefix;
    if (p == null || p.isEmpty()) {
      requireStartTag();
      p = lookupPrefix(uri, true);
      if (p == null) {
        p = generatePrefix();
      }
    }
    addItem(false, p, localName, value);
    ensureDeclared(p, uri);
  }

  @Override
  public void writeNamespace(String prefix, String namespaceURI) throws XMLStreamException {
    if (prefix == null || prefix.isEmpty() || XMLConstants.XMLNS_ATTRIBUTE.equals(prefix)) {
      writeDefaultNamespace(namespaceURI);
      return;
    }
    declare(prefix, nonNull(namespaceURI));
  }

  @Override
  public void writeDefaultNamespace(String namespaceURI) throws XMLStreamException {
    declare("", nonNull(namespaceURI));
  }

  private void declare(String prefix, String uri) throws XMLStreamException {
    requireStartTag();
    if (XMLConstants.XML_NS_PREFIX.equals(prefix)) {
      return; // bound by definition
    }
    if (declared.boundInScope(prefix)) {
      if (uri.equals(declared.uriOf(prefix))) {
        return;
      }
      throw new XMLStreamException("prefix '" + prefix + "' declared twice on <" + startLocal + ">");
    }
    if (!prefix.isEmpty() && uri.isEmpty()) {
      throw new XMLStreamException("prefix '" + prefix + "' cannot be bound to no namespace in XML 1.0");
    }
    declared.bind(prefix, uri);
    addItem(true, prefix, null, uri);
  }

  /** Adds a declaration unless {@code prefix} already means {@code uri} here. */
  private void ensureDeclared(String prefix, String uri) throws XMLStreamException {
    if (!uri.equals(declared.uriOf(prefix))) {
      declare(prefix, uri);
    }
  }

  private void addItem(boolean xmlns, String prefix, String local, String value) throws XMLStreamException {
    requireStartTag();
    if (itemCount == itemPrefix.length) {
      int n = itemCount * 2;
      itemIsXmlns = Arrays.copyOf(itemIsXmlns, n);
      itemPrefix = Arrays.copyOf(itemPrefix, n);
      itemLocal = Arrays.copyOf(itemLocal, n);
      itemValue = Arrays.copyOf(itemValue, n);
    }
    itemIsXmlns[itemCount] = xmlns;
    itemPrefix[itemCount] = prefix;
    itemLocal[itemCount] = local;
    itemValue[itemCount++] = value == null ? "" : value;
  }

  private void requireStartTag() throws XMLStreamException {
    if (!startOpen) {
      throw new XMLStreamException("attributes and namespaces belong right after a start element");
    }
  }

  private String lookupPrefix(String uri, boolean forAttribute) {
    String p = forAttribute ? declared.nonDefaultPrefixOf(uri) : declared.prefixOf(uri);
    if (p == null) {
      p = forAttribute ? preferred.nonDefaultPrefixOf(uri) : preferred.prefixOf(uri);
    }
    if (p == null && outerContext != null) {
      p = outerContext.getPrefix(uri);
      if (p != null && forAttribute && p.isEmpty()) {
        p = null;
      }
    }
    return p;
  }

  private String generatePrefix() {
    String p;
    do {
      p = "ns" + (++generatedPrefixes);
    } while (declared.uriOf(p) != null);
    return p;
  }

  // ---------------------------------------------------------------- the start tag on the wire

  private void finishStartTag() throws XMLStreamException {
    if (!startOpen) {
      return;
    }
    if (startUri != null) {
      ensureDeclared(startPrefix, startUri);
    }
    startOpen = false;
    writeElementRecord(startPrefix, startLocal);
    for (int i = 0; i < itemCount; i++) {
      if (itemIsXmlns[i]) {
        writeXmlnsRecord(itemPrefix[i], itemValue[i]);
      } else {
        writeAttributeRecord(itemPrefix[i], itemLocal[i], itemValue[i]);
      }
      itemPrefix[i] = itemLocal[i] = itemValue[i] = null;
    }
    itemCount = 0;
    if (startIsEmpty) {
      startIsEmpty = false;
      out.write(END_ELEMENT_RECORD);
      closeScope();
    }
  }

  private void writeElementRecord(String prefix, String local) throws XMLStreamException {
    int id = dictionary.idOf(local);
    int letter = singleLetter(prefix);
    if (prefix.isEmpty()) {
      out.write(id >= 0 ? SHORT_DICTIONARY_ELEMENT : SHORT_ELEMENT);
    } else if (letter >= 0) {
      out.write((id >= 0 ? PREFIX_DICTIONARY_ELEMENT_A : PREFIX_ELEMENT_A) + letter);
    } else {
      out.write(id >= 0 ? DICTIONARY_ELEMENT : ELEMENT);
      out.writeString(prefix);
    }
    writeName(local, id);
  }

  private void writeAttributeRecord(String prefix, String local, String value) throws XMLStreamException {
    int id = dictionary.idOf(local);
    int letter = singleLetter(prefix);
    if (prefix.isEmpty()) {
      out.write(id >= 0 ? SHORT_DICTIONARY_ATTRIBUTE : SHORT_ATTRIBUTE);
    } else if (letter >= 0) {
      out.write((id >= 0 ? PREFIX_DICTIONARY_ATTRIBUTE_A : PREFIX_ATTRIBUTE_A) + letter);
    } else {
      out.write(id >= 0 ? DICTIONARY_ATTRIBUTE : PREFIXED_ATTRIBUTE);
      out.writeString(prefix);
    }
    writeName(local, id);
    texts.write(value, false);
  }

  private void writeXmlnsRecord(String prefix, String uri) throws XMLStreamException {
    // xmlns="" inline is one length byte; the dictionary's empty string (0xA2) would take two
    int id = uri.isEmpty() ? -1 : dictionary.idOf(uri);
    if (prefix.isEmpty()) {
      out.write(id >= 0 ? SHORT_DICTIONARY_XMLNS_ATTRIBUTE : SHORT_XMLNS_ATTRIBUTE);
    } else {
      out.write(id >= 0 ? DICTIONARY_XMLNS_ATTRIBUTE : XMLNS_ATTRIBUTE);
      out.writeString(prefix);
    }
    writeName(uri, id);
  }

  private void writeName(String name, int dictionaryId) throws XMLStreamException {
    if (dictionaryId >= 0) {
      out.writeMultiByteInt31(dictionaryId);
    } else {
      out.writeString(name);
    }
  }

  /** 0..25 for a prefix that is one letter a-z (the records with the prefix in their type), else -1. */
  private static int singleLetter(String prefix) {
    if (prefix.length() != 1) {
      return -1;
    }
    char c = prefix.charAt(0);
    return c >= 'a' && c <= 'z' ? c - 'a' : -1;
  }

  // ---------------------------------------------------------------- content

  @Override
  public void writeCharacters(String text) throws XMLStreamException {
    if (text == null || text.isEmpty()) {
      finishStartTag();
      return;
    }
    finishStartTag();
    if (depth == 0) {
      requireWhitespace(text);
      return;
    }
    pendingText.append(text);
  }

  @Override
  public void writeCharacters(char[] text, int start, int len) throws XMLStreamException {
    writeCharacters(new String(text, start, len));
  }

  @Override
  public void writeCData(String data) throws XMLStreamException {
    writeCharacters(data); // the format has no CDATA section; the characters are the same
  }

  @Override
  public void writeComment(String data) throws XMLStreamException {
    finishStartTag();
    flushText(false);
    out.write(COMMENT_RECORD);
    out.writeString(data == null ? "" : data);
  }

  private void flushText(boolean endsElement) throws XMLStreamException {
    if (pendingText.length() == 0) {
      return;
    }
    texts.write(pendingText.toString(), endsElement);
    pendingText.setLength(0);
  }

  private static void requireWhitespace(String text) throws XMLStreamException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        throw new XMLStreamException("text outside the root element");
      }
    }
  }

  @Override
  public void writeProcessingInstruction(String target) throws XMLStreamException {
    throw unsupported("processing instructions");
  }

  @Override
  public void writeProcessingInstruction(String target, String data) throws XMLStreamException {
    throw unsupported("processing instructions");
  }

  @Override
  public void writeDTD(String dtd) throws XMLStreamException {
    throw unsupported("DTDs");
  }

  @Override
  public void writeEntityRef(String name) throws XMLStreamException {
    throw unsupported("entity references");
  }

  private static XMLStreamException unsupported(String what) {
    return new XMLStreamException("[MC-NBFX] 1.5: the binary format cannot represent " + what);
  }

  @Override
  public void writeStartDocument() {
    // A binary document has no XML declaration.
  }

  @Override
  public void writeStartDocument(String version) {
    // A binary document has no XML declaration.
  }

  @Override
  public void writeStartDocument(String encoding, String version) {
    // A binary document has no XML declaration.
  }

  @Override
  public void flush() throws XMLStreamException {
    out.flush();
  }

  @Override
  public void close() throws XMLStreamException {
    out.flush();
  }

  // ---------------------------------------------------------------- prefixes

  @Override
  public String getPrefix(String uri) {
    return lookupPrefix(nonNull(uri), false);
  }

  @Override
  public void setPrefix(String prefix, String uri) {
    preferred.bind(prefix == null ? "" : prefix, nonNull(uri));
  }

  @Override
  public void setDefaultNamespace(String uri) {
    preferred.bind("", nonNull(uri));
  }

  @Override
  public void setNamespaceContext(NamespaceContext context) {
    outerContext = context;
  }

  @Override
  public NamespaceContext getNamespaceContext() {
    return new NamespaceContext() {
      @Override
      public String getNamespaceURI(String prefix) {
        String uri = declared.uriOf(prefix);
        if (uri == null || uri.isEmpty() && prefix.isEmpty()) {
          String hinted = preferred.uriOf(prefix);
          if (hinted != null && !hinted.isEmpty()) {
            return hinted;
          }
          if (uri == null && outerContext != null) {
            return outerContext.getNamespaceURI(prefix);
          }
        }
        return uri == null ? XMLConstants.NULL_NS_URI : uri;
      }

      @Override
      public String getPrefix(String namespaceURI) {
        return lookupPrefix(namespaceURI, false);
      }

      @Override
      public Iterator<String> getPrefixes(String namespaceURI) {
        return declared.getPrefixes(namespaceURI);
      }
    };
  }

  @Override
  public Object getProperty(String name) {
    if (XMLConstants.NULL_NS_URI.equals(name)) {
      throw new IllegalArgumentException("empty property name");
    }
    return null;
  }

  private static String nonNull(String uri) {
    return uri == null ? "" : uri;
  }
}
