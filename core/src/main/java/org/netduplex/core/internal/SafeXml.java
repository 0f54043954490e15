package org.netduplex.core.internal;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import javax.xml.stream.XMLInputFactory;

/**
 * The one place XML parsers are made. Every parser refuses DTDs and external entities and bounds
 * depth, attributes, names and text, so hostile input costs bounded memory and time.
 */
public final class SafeXml {
  /** Deepest element nesting accepted; a SOAP envelope with a DataContract body needs under 20. */
  public static final int MAX_DEPTH = 64;
  /** Longest single text or attribute value accepted. */
  public static final int MAX_TEXT_LENGTH = 1 << 20;

  private static final XMLInputFactory INPUT_FACTORY = newInputFactory();

  private SafeXml() {}

  /** A shared, thread-safe hardened factory. */
  public static XMLInputFactory inputFactory() {
    return INPUT_FACTORY;
  }

  private static XMLInputFactory newInputFactory() {
    WstxInputFactory f = new WstxInputFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
    f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 64);
    f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, MAX_TEXT_LENGTH);
    f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_TEXT_LENGTH);
    f.setProperty(WstxInputProperties.P_MAX_CHILDREN_PER_ELEMENT, 10_000);
    // No DTD means no entity can be declared; Woodstox accepts 1 as its lowest bound (0 fails).
    f.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1L);
    return f;
  }
}
