package org.netduplex.msbin;

import static org.netduplex.msbin.internal.RecordType.*;

import java.io.InputStream;
import java.util.Arrays;
import java.util.NoSuchElementException;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.netduplex.msbin.internal.BinaryInput;
import org.netduplex.msbin.internal.NamespaceScopes;
import org.netduplex.msbin.internal.StaticDictionary;
import org.netduplex.msbin.internal.StringDictionary;
import org.netduplex.msbin.internal.TextRecordReader;
import org.netduplex.msbin.internal.XmlNames;

/**
 * Pulls StAX events from a binary XML document ([MC-NBFX] records, [MC-NBFS] dictionary strings),
 * one record at a time. Events: START_DOCUMENT, START_ELEMENT, CHARACTERS (adjacent text records
 * coalesced), COMMENT, END_ELEMENT, END_DOCUMENT. The document must have exactly one root element.
 * Names and values are reported as Woodstox does: "" (never null) for no prefix or no namespace.
 *
 * <p>Not thread-safe. {@link #close()} does not close the underlying stream.
 */
public final class MsbinXMLStreamReader implements XMLStreamReader {
  private final BinaryInput in;
  private final StringDictionary dictionary;
  private final MsbinLimits limits;
  private final TextRecordReader texts;
  private final NamespaceScopes scopes = new NamespaceScopes();

  private int event = START_DOCUMENT;

  private String[] openPrefix = new String[16];
  private String[] openLocal = new String[16];
  private String[] openUri = new String[16];
  private int depth;
  private boolean rootSeen;

  private String prefix;
  private String localName;
  private String namespaceUri;

  private int attributeCount;
  private String[] attrPrefix = new String[8];
  private String[] attrLocal = new String[8];
  private String[] attrUri = new String[8];
  private String[] attrValue = new String[8];

  private final StringBuilder text = new StringBuilder();
  private final StringBuilder attributeText = new StringBuilder();
  private String textValue;
  private char[] textChars;

  /** A *WithEndElement text record was read: the next event is END_ELEMENT. */
  private boolean endElementDue;
  /** END_ELEMENT was reported; its namespace scope stays readable until the next event. */
  private boolean popScopeDue;

  private ArrayExpansion array;

  /**
   * A reader over a binary message read as the reader advances, with the default limits.
   *
   * @param in the message; not closed by the reader
   */
  public MsbinXMLStreamReader(InputStream in) {
    this(in, MsbinLimits.DEFAULTS);
  }

  /**
   * A reader over a binary message read as the reader advances.
   *
   * @param in the message; not closed by the reader
   * @param limits bounds the reader enforces
   */
  public MsbinXMLStreamReader(InputStream in, MsbinLimits limits) {
    this(new BinaryInput(in, limits.maxTotalBytes(), limits.maxStringBytes()), limits, StaticDictionary.NBFS);
  }

  /**
   * Reads a whole message held in memory; declared lengths are also checked against the bytes left.
   *
   * @param message the whole message
   * @param limits bounds the reader enforces
   * @throws MsbinFormatException if the message is longer than {@code maxTotalBytes}
   */
  public MsbinXMLStreamReader(byte[] message, MsbinLimits limits) throws MsbinFormatException {
    this(new BinaryInput(message, 0, message.length, limits.maxTotalBytes(), limits.maxStringBytes()),
        limits, StaticDictionary.NBFS);
  }

  MsbinXMLStreamReader(BinaryInput in, MsbinLimits limits, StringDictionary dictionary) {
    this.in = in;
    this.limits = limits;
    this.dictionary = dictionary;
    this.texts = new TextRecordReader(in, dictionary, limits.maxStringBytes());
  }

  // ---------------------------------------------------------------- events

  @Override
  public int next() throws XMLStreamException {
    if (event == END_DOCUMENT) {
      throw new NoSuchElementException("END_DOCUMENT was reached");
    }
    if (popScopeDue) {
      scopes.pop();
      popScopeDue = false;
    }
    textValue = null;
    textChars = null;
    if (endElementDue) {
      endElementDue = false;
      return endElement();
    }
    if (array != null) {
      return nextArrayEvent();
    }
    int type = in.readOrEnd();
    if (type < 0) {
      if (depth > 0) {
        throw in.error("message ends inside element " + openLocal[depth - 1]);
      }
      if (!rootSeen) {
        throw in.error("message has no root element");
      }
      return event = END_DOCUMENT;
    }
    if (isElement(type)) {
      checkRootAllowed();
      startElement(type);
      return event = START_ELEMENT;
    }
    if (isText(type)) {
      if (depth == 0) {
        throw error("text record " + describe(type) + " outside the root element", 1);
      }
      readText(type);
      return event = CHARACTERS;
    }
    switch (type) {
      case END_ELEMENT_RECORD:
        if (depth == 0) {
          throw error("EndElement record with no open element", 1);
        }
        return endElement();
      case COMMENT_RECORD:
        text.setLength(0);
        text.append(in.readString("Comment"));
        return event = COMMENT;
      case ARRAY_RECORD:
        if (depth == 0) {
          throw error("Array record outside the root element", 1);
        }
        startArray();
        return nextArrayEvent();
      default:
        if (isAttribute(type)) {
          throw error("attribute record " + describe(type) + " not directly after an element record", 1);
        }
        throw error("unknown record type " + describe(type), 1);
    }
  }

  private MsbinFormatException error(String message, int recordBytesBack) {
    return new MsbinFormatException(message, in.offset() - recordBytesBack);
  }

  private void checkRootAllowed() throws MsbinFormatException {
    if (depth == 0 && rootSeen) {
      throw error("second root element", 1);
    }
  }

  private int endElement() {
    depth--;
    prefix = openPrefix[depth];
    localName = openLocal[depth];
    namespaceUri = openUri[depth];
    openPrefix[depth] = openLocal[depth] = openUri[depth] = null;
    attributeCount = 0;
    popScopeDue = true;
    return event = END_ELEMENT;
  }

  private void readText(int type) throws MsbinFormatException {
    text.setLength(0);
    texts.read(type, text);
    if (endsElement(type)) {
      endElementDue = true;
      return;
    }
    // One CHARACTERS event for a run of text records ({@code <a>1234false</a>}), bounded in size.
    while (text.length() < limits.maxStringBytes()) {
      int next = in.peek();
      if (next < 0 || !isText(next)) {
        return;
      }
      in.readOrEnd();
      texts.read(next, text);
      if (endsElement(next)) {
        endElementDue = true;
        return;
      }
    }
  }

  // ---------------------------------------------------------------- elements and attributes

  private void startElement(int type) throws MsbinFormatException {
    long start = in.offset() - 1;
    String elementPrefix;
    String name;
    if (type == SHORT_ELEMENT) {
      elementPrefix = "";
      name = readName("element name");
    } else if (type == ELEMENT) {
      elementPrefix = readPrefix("element prefix");
      name = readName("element name");
    } else if (type == SHORT_DICTIONARY_ELEMENT) {
      elementPrefix = "";
      name = dictionaryName("element name");
    } else if (type == DICTIONARY_ELEMENT) {
      elementPrefix = readPrefix("element prefix");
      name = dictionaryName("element name");
    } else if (type < PREFIX_ELEMENT_A) {
      elementPrefix = letter(type - PREFIX_DICTIONARY_ELEMENT_A);
      name = dictionaryName("element name");
    } else {
      elementPrefix = letter(type - PREFIX_ELEMENT_A);
      name = readName("element name");
    }
    if (depth >= limits.maxDepth()) {
      throw new MsbinFormatException(
          "element " + name + " nests deeper than the limit of " + limits.maxDepth(), start);
    }
    scopes.push();
    readAttributes();
    String uri = scopes.uriOf(elementPrefix);
    if (uri == null) {
      throw new MsbinFormatException(
          "element " + elementPrefix + ":" + name + " uses the undeclared prefix " + elementPrefix, start);
    }
    resolveAttributes(start);
    open(elementPrefix, name, uri);
  }

  private void open(String elementPrefix, String name, String uri) {
    if (depth == openLocal.length) {
      openPrefix = Arrays.copyOf(openPrefix, depth * 2);
      openLocal = Arrays.copyOf(openLocal, depth * 2);
      openUri = Arrays.copyOf(openUri, depth * 2);
    }
    openPrefix[depth] = prefix = elementPrefix;
    openLocal[depth] = localName = name;
    openUri[depth] = namespaceUri = uri;
    depth++;
    rootSeen = true;
  }

  private void readAttributes() throws MsbinFormatException {
    attributeCount = 0;
    while (isAttribute(in.peek())) {
      int type = in.readOrEnd();
      if (attributeCount + scopes.countInScope() >= limits.maxAttributes()) {
        throw error("element has more attributes than the limit of " + limits.maxAttributes(), 1);
      }
      switch (type) {
        case SHORT_ATTRIBUTE -> addAttribute("", readName("attribute name"));
        case PREFIXED_ATTRIBUTE -> addAttribute(readPrefix("attribute prefix"), readName("attribute name"));
        case SHORT_DICTIONARY_ATTRIBUTE -> addAttribute("", dictionaryName("attribute name"));
        case DICTIONARY_ATTRIBUTE -> addAttribute(readPrefix("attribute prefix"), dictionaryName("attribute name"));
        case SHORT_XMLNS_ATTRIBUTE -> declare("", in.readString("xmlns value"));
        case XMLNS_ATTRIBUTE -> declare(readPrefix("xmlns prefix"), in.readString("xmlns value"));
        case SHORT_DICTIONARY_XMLNS_ATTRIBUTE -> declare("", texts.dictionaryString("xmlns value"));
        case DICTIONARY_XMLNS_ATTRIBUTE -> declare(readPrefix("xmlns prefix"), texts.dictionaryString("xmlns value"));
        default -> {
          if (type < PREFIX_ATTRIBUTE_A) {
            addAttribute(letter(type - PREFIX_DICTIONARY_ATTRIBUTE_A), dictionaryName("attribute name"));
          } else {
            addAttribute(letter(type - PREFIX_ATTRIBUTE_A), readName("attribute name"));
          }
        }
      }
    }
  }

  private void addAttribute(String attributePrefix, String name) throws MsbinFormatException {
    int type = in.readUInt8("attribute value");
    if (!isText(type) || endsElement(type)) {
      throw error("attribute " + name + " has record " + describe(type) + " where a text record belongs", 1);
    }
    attributeText.setLength(0);
    texts.read(type, attributeText);
    if (attributeCount == attrLocal.length) {
      int n = attributeCount * 2;
      attrPrefix = Arrays.copyOf(attrPrefix, n);
      attrLocal = Arrays.copyOf(attrLocal, n);
      attrUri = Arrays.copyOf(attrUri, n);
      attrValue = Arrays.copyOf(attrValue, n);
    }
    attrPrefix[attributeCount] = attributePrefix;
    attrLocal[attributeCount] = name;
    attrValue[attributeCount++] = attributeText.toString();
  }

  private void declare(String declaredPrefix, String uri) throws MsbinFormatException {
    if (declaredPrefix.equals(XMLConstants.XMLNS_ATTRIBUTE)
        || declaredPrefix.equals(XMLConstants.XML_NS_PREFIX) != uri.equals(XMLConstants.XML_NS_URI)
        || uri.equals(XMLConstants.XMLNS_ATTRIBUTE_NS_URI)) {
      throw in.error("reserved namespace binding xmlns:" + declaredPrefix + "=\"" + uri + "\"");
    }
    if (!declaredPrefix.isEmpty() && uri.isEmpty()) {
      throw in.error("prefix " + declaredPrefix + " bound to the empty namespace (not allowed in XML 1.0)");
    }
    if (scopes.boundInScope(declaredPrefix)) {
      throw in.error("prefix '" + declaredPrefix + "' declared twice on one element");
    }
    scopes.bind(declaredPrefix, uri);
  }

  private void resolveAttributes(long elementStart) throws MsbinFormatException {
    for (int i = 0; i < attributeCount; i++) {
      String p = attrPrefix[i];
      String uri = p.isEmpty() ? "" : scopes.uriOf(p);
      if (uri == null) {
        throw new MsbinFormatException(
            "attribute " + p + ":" + attrLocal[i] + " uses the undeclared prefix " + p, elementStart);
      }
      attrUri[i] = uri;
      for (int j = 0; j < i; j++) {
        if (attrLocal[j].equals(attrLocal[i]) && attrUri[j].equals(uri)) {
          throw new MsbinFormatException(
              "attribute {" + uri + "}" + attrLocal[i] + " appears twice on one element", elementStart);
        }
      }
    }
  }

  private String readName(String what) throws MsbinFormatException {
    long at = in.offset();
    String name = in.readString(what);
    checkName(name, what, at);
    return name;
  }

  private String readPrefix(String what) throws MsbinFormatException {
    long at = in.offset();
    String p = in.readString(what);
    if (!XmlNames.isNcName(p) || p.equals(XMLConstants.XMLNS_ATTRIBUTE)) {
      throw new MsbinFormatException(what + " '" + p + "' is not an allowed prefix", at);
    }
    return p;
  }

  private String dictionaryName(String what) throws MsbinFormatException {
    long at = in.offset();
    String name = texts.dictionaryString(what);
    checkName(name, what, at);
    return name;
  }

  private static void checkName(String name, String what, long at) throws MsbinFormatException {
    if (!XmlNames.isNcName(name) || name.equals(XMLConstants.XMLNS_ATTRIBUTE)) {
      throw new MsbinFormatException(what + " '" + name + "' is not an allowed XML name", at);
    }
  }

  private static String letter(int index) {
    return String.valueOf((char) ('a' + index));
  }

  // ---------------------------------------------------------------- Array record ([MC-NBFX] 2.3.3)

  /** The repeated element of an Array record and how many of its values are left to read. */
  private static final class ArrayExpansion {
    String prefix;
    String localName;
    String namespaceUri;
    String[] declaredPrefixes;
    String[] declaredUris;
    String[] attrPrefix;
    String[] attrLocal;
    String[] attrUri;
    String[] attrValue;
    int valueType;
    int itemsLeft;
    int step; // 0: start element next, 1: value next, 2: end element next
  }

  private void startArray() throws MsbinFormatException {
    int type = in.readUInt8("Array element record");
    if (!isElement(type)) {
      throw error("Array record holds " + describe(type) + " where an element record belongs", 1);
    }
    startElement(type);
    int end = in.readUInt8("Array EndElement");
    if (end != END_ELEMENT_RECORD) {
      throw error("Array element is followed by " + describe(end) + ", not EndElement", 1);
    }
    int valueType = in.readUInt8("Array value type");
    int size = arrayValueSize(valueType);
    if (size == 0) {
      throw error("Array value type " + describe(valueType) + " is not one the specification allows", 1);
    }
    int count = in.readMultiByteInt31("Array length");
    if (count == 0 || count > limits.maxArrayItems()) {
      throw error("Array length " + count + " is zero or above the limit of " + limits.maxArrayItems(), 1);
    }
    in.checkRemaining(count, size, "Array");
    ArrayExpansion a = new ArrayExpansion();
    a.prefix = prefix;
    a.localName = localName;
    a.namespaceUri = namespaceUri;
    int declared = scopes.countInScope();
    a.declaredPrefixes = new String[declared];
    a.declaredUris = new String[declared];
    for (int i = 0; i < declared; i++) {
      a.declaredPrefixes[i] = scopes.prefixInScope(i);
      a.declaredUris[i] = scopes.uriInScope(i);
    }
    a.attrPrefix = Arrays.copyOf(attrPrefix, attributeCount);
    a.attrLocal = Arrays.copyOf(attrLocal, attributeCount);
    a.attrUri = Arrays.copyOf(attrUri, attributeCount);
    a.attrValue = Arrays.copyOf(attrValue, attributeCount);
    a.valueType = valueType & ~1;
    a.itemsLeft = count;
    // The template element was opened while reading it; each item reopens it.
    depth--;
    scopes.pop();
    array = a;
  }

  private static int arrayValueSize(int valueType) {
    return switch (valueType) {
      case BOOL_TEXT + 1 -> 1;
      case INT16_TEXT + 1 -> 2;
      case INT32_TEXT + 1, FLOAT_TEXT + 1 -> 4;
      case INT64_TEXT + 1, DOUBLE_TEXT + 1, DATETIME_TEXT + 1, TIMESPAN_TEXT + 1 -> 8;
      case DECIMAL_TEXT + 1, UUID_TEXT + 1 -> 16;
      default -> 0;
    };
  }

  private int nextArrayEvent() throws MsbinFormatException {
    ArrayExpansion a = array;
    switch (a.step) {
      case 0 -> {
        scopes.push();
        for (int i = 0; i < a.declaredPrefixes.length; i++) {
          scopes.bind(a.declaredPrefixes[i], a.declaredUris[i]);
        }
        attributeCount = a.attrLocal.length;
        for (int i = 0; i < attributeCount; i++) {
          setAttribute(i, a.attrPrefix[i], a.attrLocal[i], a.attrUri[i], a.attrValue[i]);
        }
        open(a.prefix, a.localName, a.namespaceUri);
        a.step = 1;
        return event = START_ELEMENT;
      }
      case 1 -> {
        text.setLength(0);
        texts.read(a.valueType, text);
        a.step = 2;
        return event = CHARACTERS;
      }
      default -> {
        a.step = 0;
        if (--a.itemsLeft == 0) {
          array = null;
        }
        return endElement();
      }
    }
  }

  private void setAttribute(int i, String p, String local, String uri, String value) {
    if (i >= attrLocal.length) {
      int n = Math.max(i + 1, attrLocal.length * 2);
      attrPrefix = Arrays.copyOf(attrPrefix, n);
      attrLocal = Arrays.copyOf(attrLocal, n);
      attrUri = Arrays.copyOf(attrUri, n);
      attrValue = Arrays.copyOf(attrValue, n);
    }
    attrPrefix[i] = p;
    attrLocal[i] = local;
    attrUri[i] = uri;
    attrValue[i] = value;
  }

  // ---------------------------------------------------------------- XMLStreamReader

  @Override
  public Object getProperty(String name) {
    if (name == null) {
      throw new IllegalArgumentException("null property name");
    }
    return null;
  }

  @Override
  public void require(int type, String namespaceURI, String local) throws XMLStreamException {
    if (type != event) {
      throw new XMLStreamException("expected event " + type + " but the current event is " + event, getLocation());
    }
    if (namespaceURI != null && !namespaceURI.equals(getNamespaceURI())) {
      throw new XMLStreamException("expected namespace " + namespaceURI + ", found " + getNamespaceURI(), getLocation());
    }
    if (local != null && !local.equals(getLocalName())) {
      throw new XMLStreamException("expected element " + local + ", found " + getLocalName(), getLocation());
    }
  }

  @Override
  public String getElementText() throws XMLStreamException {
    if (event != START_ELEMENT) {
      throw new XMLStreamException("getElementText needs a START_ELEMENT", getLocation());
    }
    StringBuilder out = new StringBuilder();
    while (true) {
      int e = next();
      if (e == CHARACTERS) {
        out.append(text);
      } else if (e == END_ELEMENT) {
        return out.toString();
      } else if (e != COMMENT) {
        throw new XMLStreamException("element " + localName + " holds more than text", getLocation());
      }
    }
  }

  @Override
  public int nextTag() throws XMLStreamException {
    while (true) {
      int e = next();
      if (e == START_ELEMENT || e == END_ELEMENT) {
        return e;
      }
      if (e == CHARACTERS && !isWhiteSpace()) {
        throw new XMLStreamException("text where a start or end tag was expected", getLocation());
      }
      if (e == END_DOCUMENT) {
        throw new XMLStreamException("end of document where a start or end tag was expected", getLocation());
      }
    }
  }

  @Override
  public boolean hasNext() {
    return event != END_DOCUMENT;
  }

  @Override
  public void close() {
    // The input stream belongs to the caller, as for any StAX reader.
  }

  @Override
  public String getNamespaceURI(String nsPrefix) {
    if (nsPrefix == null) {
      throw new IllegalArgumentException("null prefix");
    }
    return scopes.uriOf(nsPrefix);
  }

  @Override
  public boolean isStartElement() {
    return event == START_ELEMENT;
  }

  @Override
  public boolean isEndElement() {
    return event == END_ELEMENT;
  }

  @Override
  public boolean isCharacters() {
    return event == CHARACTERS;
  }

  @Override
  public boolean isWhiteSpace() {
    if (event != CHARACTERS) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String getAttributeValue(String namespace, String local) {
    requireStart();
    for (int i = 0; i < attributeCount; i++) {
      if (attrLocal[i].equals(local) && (namespace == null || namespace.equals(attrUri[i]))) {
        return attrValue[i];
      }
    }
    return null;
  }

  @Override
  public int getAttributeCount() {
    requireStart();
    return attributeCount;
  }

  @Override
  public QName getAttributeName(int index) {
    checkAttribute(index);
    return new QName(attrUri[index], attrLocal[index], attrPrefix[index]);
  }

  @Override
  public String getAttributeNamespace(int index) {
    checkAttribute(index);
    return attrUri[index];
  }

  @Override
  public String getAttributeLocalName(int index) {
    checkAttribute(index);
    return attrLocal[index];
  }

  @Override
  public String getAttributePrefix(int index) {
    checkAttribute(index);
    return attrPrefix[index];
  }

  @Override
  public String getAttributeType(int index) {
    checkAttribute(index);
    return "CDATA";
  }

  @Override
  public String getAttributeValue(int index) {
    checkAttribute(index);
    return attrValue[index];
  }

  @Override
  public boolean isAttributeSpecified(int index) {
    checkAttribute(index);
    return true;
  }

  private void requireStart() {
    if (event != START_ELEMENT) {
      throw new IllegalStateException("attributes exist only at START_ELEMENT");
    }
  }

  private void checkAttribute(int index) {
    requireStart();
    if (index < 0 || index >= attributeCount) {
      throw new IndexOutOfBoundsException("attribute " + index + " of " + attributeCount);
    }
  }

  @Override
  public int getNamespaceCount() {
    requireElement();
    return scopes.countInScope();
  }

  @Override
  public String getNamespacePrefix(int index) {
    requireElement();
    return scopes.prefixInScope(index);
  }

  @Override
  public String getNamespaceURI(int index) {
    requireElement();
    return scopes.uriInScope(index);
  }

  private void requireElement() {
    if (event != START_ELEMENT && event != END_ELEMENT) {
      throw new IllegalStateException("namespaces exist only at START_ELEMENT and END_ELEMENT");
    }
  }

  @Override
  public NamespaceContext getNamespaceContext() {
    return scopes;
  }

  @Override
  public int getEventType() {
    return event;
  }

  @Override
  public String getText() {
    if (event != CHARACTERS && event != COMMENT) {
      throw new IllegalStateException("no text at event " + event);
    }
    if (textValue == null) {
      textValue = text.toString();
    }
    return textValue;
  }

  @Override
  public char[] getTextCharacters() {
    if (textChars == null) {
      textChars = getText().toCharArray();
    }
    return textChars;
  }

  @Override
  public int getTextCharacters(int sourceStart, char[] target, int targetStart, int length) {
    String s = getText();
    if (sourceStart < 0 || sourceStart > s.length()) {
      throw new IndexOutOfBoundsException("sourceStart " + sourceStart);
    }
    int n = Math.min(length, s.length() - sourceStart);
    s.getChars(sourceStart, sourceStart + n, target, targetStart);
    return n;
  }

  @Override
  public int getTextStart() {
    getText();
    return 0;
  }

  @Override
  public int getTextLength() {
    getText();
    return text.length();
  }

  @Override
  public String getEncoding() {
    return null;
  }

  @Override
  public boolean hasText() {
    return event == CHARACTERS || event == COMMENT;
  }

  @Override
  public Location getLocation() {
    return new MsbinFormatException.ByteLocation(in.offset());
  }

  @Override
  public QName getName() {
    requireElement();
    return new QName(namespaceUri, localName, prefix);
  }

  @Override
  public String getLocalName() {
    requireElement();
    return localName;
  }

  @Override
  public boolean hasName() {
    return event == START_ELEMENT || event == END_ELEMENT;
  }

  @Override
  public String getNamespaceURI() {
    return hasName() ? namespaceUri : null;
  }

  @Override
  public String getPrefix() {
    return hasName() ? prefix : null;
  }

  @Override
  public String getVersion() {
    return null;
  }

  @Override
  public boolean isStandalone() {
    return false;
  }

  @Override
  public boolean standaloneSet() {
    return false;
  }

  @Override
  public String getCharacterEncodingScheme() {
    return null;
  }

  @Override
  public String getPITarget() {
    return null;
  }

  @Override
  public String getPIData() {
    return null;
  }

  /**
   * Where the reader is, for error messages.
   *
   * @return byte offset of the next unread record
   */
  public long offset() {
    return in.offset();
  }
}
