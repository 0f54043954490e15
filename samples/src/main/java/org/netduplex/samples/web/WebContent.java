package org.netduplex.samples.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.cxf.Bus;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;

/**
 * The pages of a sample server, next to its CXF endpoint in the same servlet context (so the page's
 * script talks to the endpoint without cross-origin requests): files from the classpath folder
 * {@code /web/} and a few generated documents (status JSON). GET only. Every server has the icon
 * the pages link to: without one a browser asks for {@code /favicon.ico} and gets a 404.
 */
public final class WebContent extends HttpServlet {
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "json", "application/json; charset=utf-8",
      "svg", "image/svg+xml");

  private final transient Map<String, String> files = new ConcurrentHashMap<>();
  private final transient Map<String, Supplier<String>> generated = new ConcurrentHashMap<>();

  public WebContent() {
    file("/favicon.svg", "favicon.svg");
  }

  /** Serves classpath resource {@code /web/<file>} at {@code path}. */
  public WebContent file(String path, String file) {
    files.put(path, file);
    return this;
  }

  /** Serves what {@code content} returns at {@code path}, with the type its extension names. */
  public WebContent generated(String path, Supplier<String> content) {
    generated.put(path, content);
    return this;
  }

  /**
   * Adds these pages to the servlet context of the CXF endpoint published at {@code endpointAddress}
   * on {@code bus}; CXF's servlet keeps its own path, these pages get every other one.
   */
  public void mountNextTo(Bus bus, String endpointAddress) {
    try {
      URL url = new URL(endpointAddress);
      JettyHTTPServerEngine engine = bus.getExtension(JettyHTTPServerEngineFactory.class)
          .retrieveJettyHTTPServerEngine(url.getPort());
      if (engine == null || engine.getServer() == null) {
        throw new IllegalStateException("No CXF Jetty endpoint published at " + endpointAddress);
      }
      // CXF publishes /Name in a root servlet context; the pages join that context.
      ServletContextHandler root = engine.getServer().getDescendants(ServletContextHandler.class).stream()
          .filter(c -> c.getContextPath().equals("/") || c.getContextPath().isEmpty())
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("No root servlet context next to " + endpointAddress));
      root.addServlet(new ServletHolder("netduplex-web", this), "/");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getRequestURI();
    String file = files.get(path);
    Supplier<String> content = generated.get(path);
    byte[] body;
    String name;
    if (file != null) {
      body = resource(file);
      name = file;
    } else if (content != null) {
      body = content.get().getBytes(StandardCharsets.UTF_8);
      name = path;
    } else {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(TYPES.getOrDefault(extension(name), "application/octet-stream"));
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    // Scripts and styles come from this server only: no inline script can run, injected or not.
    response.setHeader("Content-Security-Policy", "default-src 'self'");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static byte[] resource(String file) {
    try (InputStream in = WebContent.class.getResourceAsStream("/web/" + file)) {
      if (in == null) {
        throw new IllegalStateException("Missing web resource " + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1);
  }
}
