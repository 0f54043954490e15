package org.netduplex.codegen;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves a saved WCF metadata set the way WCF serves it: {@code /<Service>.svc?wsdl}, {@code ?xsd=xsd0}…,
 * with the saved file names in the documents replaced by those absolute URLs, as WCF writes them.
 * Anything else answers 404.
 */
final class WcfServedFiles implements AutoCloseable {
  private final HttpServer server;
  private final String base;

  /** {@code queries} maps a query ({@code wsdl}, {@code xsd=xsd0}) to the saved file in {@code dir}. */
  WcfServedFiles(Path dir, String servicePath, Map<String, String> queries) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    base = "http://127.0.0.1:" + server.getAddress().getPort() + servicePath;
    server.createContext(servicePath, exchange -> {
      String query = exchange.getRequestURI().getRawQuery();
      String file = query == null ? null : queries.get(query);
      byte[] body;
      int status;
      if (file == null) {
        status = 404;
        body = "not found".getBytes(StandardCharsets.UTF_8);
      } else {
        String text = Files.readString(dir.resolve(file));
        for (Map.Entry<String, String> e : queries.entrySet()) {
          text = text.replace("\"" + e.getValue() + "\"", "\"" + base + "?" + e.getKey() + "\"");
        }
        status = 200;
        body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=UTF-8");
      }
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  String url(String query) {
    return base + "?" + query;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
