package org.netduplex.codegen.internal;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * Removes what WCF exports beside the contract and what CXF would act on or trip over: WS-Policy
 * ({@code wsp:Policy}, {@code wsp:PolicyReference}: binding settings such as PollingDuplex's, which
 * NetDuplex configures in code), WCF's {@code msc:} session attributes, and endpoint references on
 * ports. The addressing actions ({@code wsaw:Action}, {@code wsam:Action}) stay: they are the wire.
 */
final class WcfExtensionStripper {
  private final List<String> skipped;

  WcfExtensionStripper(List<String> skipped) {
    this.skipped = skipped;
  }

  void strip(SourceDocument doc) {
    int[] counts = new int[3];
    strip(doc.root(), counts);
    if (counts[0] > 0) {
      skipped.add(doc.displayName() + ": " + counts[0] + " WS-Policy element(s) left out (binding settings, not contract)");
    }
    if (counts[1] > 0) {
      skipped.add(doc.displayName() + ": " + counts[1] + " msc: attribute(s) left out (WCF session flags)");
    }
    if (counts[2] > 0) {
      skipped.add(doc.displayName() + ": " + counts[2] + " endpoint reference(s) on ports left out");
    }
  }

  private static void strip(Element e, int[] counts) {
    for (Element child : Dom.elements(e)) {
      String ns = child.getNamespaceURI();
      if (Names.POLICY_2004.equals(ns) || Names.POLICY_15.equals(ns)) {
        e.removeChild(child);
        counts[0]++;
      } else if ((Names.WSA10.equals(ns) || Names.WSA2004.equals(ns)) && "EndpointReference".equals(child.getLocalName())) {
        e.removeChild(child);
        counts[2]++;
      } else if (!Names.XSD.equals(ns)) {
        strip(child, counts);
      }
    }
    List<Attr> msc = new ArrayList<>();
    NamedNodeMap attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Attr a = (Attr) attrs.item(i);
      if (Names.MSC.equals(a.getNamespaceURI())) {
        msc.add(a);
      }
    }
    for (Attr a : msc) {
      e.removeAttributeNode(a);
      counts[1]++;
    }
  }
}
