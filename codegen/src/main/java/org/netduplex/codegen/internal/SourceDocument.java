package org.netduplex.codegen.internal;

import java.net.URI;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One document of a contract as loaded: where it came from (named in every error), the file name
 * it gets in the working directory, and its DOM, which the rewrite edits in place.
 */
final class SourceDocument {
  private final URI uri;
  private final String fileName;
  private final Document document;
  private final boolean wsdl;

  SourceDocument(URI uri, String fileName, Document document, boolean wsdl) {
    this.uri = uri;
    this.fileName = fileName;
    this.document = document;
    this.wsdl = wsdl;
  }

  URI uri() {
    return uri;
  }

  /** How errors name the document: a file's path, or the URL as given. */
  String displayName() {
    return "file".equals(uri.getScheme()) ? uri.getPath() : uri.toString();
  }

  String fileName() {
    return fileName;
  }

  Document document() {
    return document;
  }

  Element root() {
    return document.getDocumentElement();
  }

  boolean isWsdl() {
    return wsdl;
  }

  String targetNamespace() {
    return Dom.targetNamespace(root());
  }
}
