package org.netduplex.codegen.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.netduplex.codegen.CodegenException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Loads a WSDL with everything it imports, as WCF serves it: {@code wsdl:import} of {@code ?wsdl=wsdl0},
 * {@code xsd:import}/{@code xsd:include} of {@code ?xsd=xsd0} or of relative file names. Each
 * document gets a file name of its own, and each reference is rewritten to that name, so the set can
 * be written to one directory and read from there.
 */
final class DocumentLoader {
  private static final int TIMEOUT_MILLIS = 30_000;

  private final Map<URI, SourceDocument> loaded = new LinkedHashMap<>();
  private final Set<String> fileNames = new HashSet<>();

  /** Loads {@code uri}, which must be a WSDL 1.1 document, and its imports. */
  SourceDocument loadWsdl(URI uri) throws CodegenException {
    SourceDocument doc = load(uri, null);
    if (!doc.isWsdl()) {
      throw new CodegenException(doc.displayName() + " is not a WSDL 1.1 document: its root element is "
          + rootName(doc.root()) + ", not {" + Names.WSDL + "}definitions");
    }
    return doc;
  }

  /** Every document loaded so far, in load order. */
  List<SourceDocument> documents() {
    return new ArrayList<>(loaded.values());
  }

  private SourceDocument load(URI uri, String referrer) throws CodegenException {
    SourceDocument known = loaded.get(uri);
    if (known != null) {
      return known;
    }
    String where = referrer == null ? "" : " (" + referrer + ")";
    byte[] bytes = read(uri, where);
    Document dom;
    try {
      dom = Dom.parse(bytes, uri.toString());
    } catch (SAXException e) {
      throw new CodegenException(display(uri) + where + " is not XML: " + Dom.describe(e));
    } catch (IOException e) {
      throw new CodegenException("Cannot read " + display(uri) + where + ": " + e.getMessage());
    }
    Element root = dom.getDocumentElement();
    boolean wsdl = Dom.is(root, Names.WSDL, "definitions");
    if (!wsdl && !Dom.is(root, Names.XSD, "schema")) {
      if (referrer == null) {
        throw new CodegenException(display(uri) + " is not a WSDL 1.1 document: its root element is "
            + rootName(root) + ", not {" + Names.WSDL + "}definitions");
      }
      throw new CodegenException(display(uri) + where + " is neither WSDL nor XML Schema: its root element is "
          + rootName(root));
    }
    SourceDocument doc = new SourceDocument(uri, fileNameFor(uri, wsdl), dom, wsdl);
    loaded.put(uri, doc);
    if (wsdl) {
      for (Element imp : Dom.children(root, Names.WSDL, "import")) {
        follow(doc, imp, "location", "wsdl:import");
      }
      Element types = Dom.first(root, Names.WSDL, "types");
      if (types != null) {
        for (Element schema : Dom.children(types, Names.XSD, "schema")) {
          followSchemaReferences(doc, schema);
        }
      }
    } else {
      followSchemaReferences(doc, root);
    }
    return doc;
  }

  private void followSchemaReferences(SourceDocument doc, Element schema) throws CodegenException {
    for (String kind : List.of("import", "include", "redefine")) {
      for (Element ref : Dom.children(schema, Names.XSD, kind)) {
        follow(doc, ref, "schemaLocation", "xsd:" + kind);
      }
    }
  }

  private void follow(SourceDocument from, Element ref, String attribute, String what) throws CodegenException {
    String location = Dom.attr(ref, attribute);
    if (location == null || location.isBlank()) {
      return; // an import by namespace only: another schema of the set (or none) declares it
    }
    URI target;
    try {
      target = from.uri().resolve(new URI(location.trim()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new CodegenException(from.displayName() + ": " + what + " " + attribute + "=\"" + location
          + "\" is not a URI: " + e.getMessage());
    }
    SourceDocument imported = load(target, what + " in " + from.displayName());
    ref.setAttribute(attribute, imported.fileName());
  }

  private static byte[] read(URI uri, String where) throws CodegenException {
    try {
      URLConnection c = uri.toURL().openConnection();
      c.setConnectTimeout(TIMEOUT_MILLIS);
      c.setReadTimeout(TIMEOUT_MILLIS);
      if (c instanceof HttpURLConnection http) {
        int status = http.getResponseCode();
        if (status != HttpURLConnection.HTTP_OK) {
          throw new CodegenException("Cannot read " + display(uri) + where + ": HTTP " + status
              + (http.getResponseMessage() == null ? "" : " " + http.getResponseMessage()));
        }
      }
      try (InputStream in = c.getInputStream()) {
        return in.readAllBytes();
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new CodegenException("Cannot read " + display(uri) + where + ": " + reason(e));
    }
  }

  private static String reason(Exception e) {
    String name = e.getClass().getSimpleName();
    if (e instanceof java.io.FileNotFoundException || e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    return e.getMessage() == null ? name : name + ": " + e.getMessage();
  }

  private static String display(URI uri) {
    return "file".equals(uri.getScheme()) ? uri.getPath() : uri.toString();
  }

  private static String rootName(Element root) {
    return "{" + (root.getNamespaceURI() == null ? "" : root.getNamespaceURI()) + "}" + root.getLocalName();
  }

  /** {@code RDV.svc?xsd=xsd0} becomes {@code RDV.svc.xsd0.xsd}; names stay unique in the set. */
  private String fileNameFor(URI uri, boolean wsdl) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    String base = path.substring(path.lastIndexOf('/') + 1);
    if (uri.getQuery() != null) {
      String query = uri.getQuery();
      int eq = query.indexOf('=');
      base = base + "." + (eq < 0 ? query : query.substring(eq + 1));
    }
    base = base.replaceAll("[^A-Za-z0-9._-]", "_");
    String ext = wsdl ? ".wsdl" : ".xsd";
    if (base.toLowerCase(Locale.ROOT).endsWith(ext)) {
      base = base.substring(0, base.length() - ext.length());
    }
    if (base.isEmpty()) {
      base = wsdl ? "service" : "schema";
    }
    String name = base + ext;
    for (int i = 2; !fileNames.add(name.toLowerCase(Locale.ROOT)); i++) {
      name = base + "-" + i + ext;
    }
    return name;
  }
}
