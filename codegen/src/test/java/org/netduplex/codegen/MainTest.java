package org.netduplex.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line: exit 0 on success; 1 with one line naming the document and the element when
 * the contract cannot be generated (not WSDL, not XML, an unreachable import, an unknown type or
 * element), never a stack trace unless {@code --verbose}; 2 on a usage error.
 */
class MainTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** The reason, asserted to be exactly one line with no trace. */
  private String reason() {
    String text = err().strip();
    assertFalse(text.contains("\n"), "one line: " + text);
    assertFalse(text.contains("\tat "), "no stack trace: " + text);
    assertTrue(text.startsWith("netduplex-codegen: "), text);
    return text;
  }

  @Test
  void helpPrintsUsageAndExitsZero() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--wsdl <file|url>"));
  }

  @Test
  void asyncAddsTheJaxWsAsyncVariantsAndHelpSaysSo() throws IOException {
    assertEquals(0, run("--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--async"));
    assertEquals(0, run("--async", "--wsdl", Resources.wsdl("irdvserver/IRDVServer.wsdl").toString(), "--out", dir.toString()), err());
    String service = Files.readString(dir.resolve("rdv/virtualization/microsoft/IRDVServer.java"));
    assertTrue(service.contains("Response<rdv.virtualization.microsoft.StartVMResponse> startVMAsync("), service);
    assertTrue(service.contains("Future<?> startVMAsync("), service);
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, run("--out", dir.toString()));
    assertTrue(reason().contains("--wsdl is missing"));
    err.reset();
    assertEquals(2, run("--wsdl", "x.wsdl", "--frobnicate"));
    assertTrue(reason().contains("unknown option --frobnicate"));
    err.reset();
    assertEquals(2, run("--wsdl"));
    assertTrue(reason().contains("--wsdl needs a value"));
  }

  @Test
  void generatesAndSaysWhatItSplit() {
    assertEquals(0, run("--wsdl", Resources.wsdl("stock-wcf/StockService.wsdl").toString(), "--out", dir.toString(),
        "--package", "com.example.stock"), err());
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("duplex IStockService: service 2 operation(s), callback IStockServiceCallback 1 operation(s)"));
    assertTrue(Files.exists(dir.resolve("com/example/stock/IStockServiceCallback.java")));
    assertTrue(Files.exists(dir.resolve("com/example/stock/Stock.java")));
  }

  @Test
  void publishedVdiWsdlFailsNamingTheUndeclaredType() {
    // As Microsoft publishes it, the VDI WSDL declares all its types in one schema of the
    // .../Imports namespace, while its references name three other namespaces.
    Path wsdl = Resources.wsdl("irdvserver-published/IRDVServer.wsdl");
    assertEquals(1, run("--wsdl", wsdl.toString(), "--out", dir.toString()));
    assertEquals("netduplex-codegen: " + wsdl + ": xs:element name=\"type\" (in xs:element StartVM) has type=\"q1:NameType\","
        + " but no schema declares {http://schemas.datacontract.org/2004/07/Microsoft.Virtualization.RDV}NameType (and 33 more)",
        reason());
  }

  @Test
  void dataCoreWsdlFailsNamingTheUndeclaredFaultElement() {
    Path wsdl = Resources.wsdl("datacore-executive/ExecutiveServices.wsdl");
    assertEquals(1, run("--wsdl", wsdl.toString(), "--out", dir.toString()));
    assertEquals("netduplex-codegen: " + wsdl + ": wsdl:message IExecutiveServiceEx_StartExecutive_ExecutiveError_FaultMessage"
        + " part detail has element=\"ExecutiveError\", but no schema declares ExecutiveError (and 3 more)", reason());
  }

  @Test
  void aSchemaIsNotAWsdl() {
    Path xsd = Resources.wsdl("stock-wcf/StockService.xsd0.xsd");
    assertEquals(1, run("--wsdl", xsd.toString(), "--out", dir.toString()));
    assertEquals("netduplex-codegen: " + xsd + " is not a WSDL 1.1 document: its root element is"
        + " {http://www.w3.org/2001/XMLSchema}schema, not {http://schemas.xmlsoap.org/wsdl/}definitions", reason());
  }

  @Test
  void anHtmlPageIsNotXml() throws IOException {
    Path page = Files.writeString(dir.resolve("Service.svc"), "<html><body>Service<br></body></html>");
    assertEquals(1, run("--wsdl", page.toString(), "--out", dir.resolve("out").toString()));
    assertTrue(reason().startsWith("netduplex-codegen: " + page + " is not XML: line 1: "), err());
  }

  @Test
  void aMissingImportIsNamedWithTheDocumentImportingIt() throws IOException {
    Path wsdl = Files.writeString(dir.resolve("Broken.wsdl"), """
        <wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:xsd="http://www.w3.org/2001/XMLSchema"
            targetNamespace="urn:broken">
          <wsdl:types><xsd:schema><xsd:import namespace="urn:types" schemaLocation="Broken.xsd0.xsd"/></xsd:schema></wsdl:types>
        </wsdl:definitions>
        """);
    assertEquals(1, run("--wsdl", wsdl.toString(), "--out", dir.resolve("out").toString()));
    assertEquals("netduplex-codegen: Cannot read " + dir.resolve("Broken.xsd0.xsd") + " (xsd:import in " + wsdl + "): no such file",
        reason());
  }

  @Test
  void anUnreachableServerIsNamed() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closed + "/Jobs.svc?wsdl";
    assertEquals(1, run("--wsdl", url, "--out", dir.toString()));
    assertTrue(reason().startsWith("netduplex-codegen: Cannot read " + url + ": ConnectException"), err());
  }

  @Test
  void anImportAnsweredWith404IsNamed() throws IOException {
    try (WcfServedFiles wcf = new WcfServedFiles(Resources.wsdl("irdvserver"), "/RDVServer.svc",
        Map.of("wsdl", "IRDVServer.wsdl", "xsd=xsd0", "IRDVServer.xsd0.xsd", "xsd=xsd2", "IRDVServer.xsd2.xsd"))) {
      // xsd=xsd1 is not served: the saved name stays in the documents and resolves under /RDVServer.svc's parent.
      assertEquals(1, run("--wsdl", wcf.url("wsdl"), "--out", dir.toString()));
      String reason = reason();
      assertTrue(reason.matches("netduplex-codegen: Cannot read http://127\\.0\\.0\\.1:\\d+/IRDVServer\\.xsd1\\.xsd"
          + " \\(xsd:import in http://127\\.0\\.0\\.1:\\d+/RDVServer\\.svc\\?xsd=xsd\\d\\): HTTP 404 Not Found"), reason);
    }
  }

  @Test
  void aSchemaWithADoctypeIsReadWithoutLoadingWhatItNames() throws IOException {
    // As W3C's xml.xsd has one; the DTD it names is not fetched (there is none here to fetch).
    Path src = Resources.wsdl("stock-wcf");
    for (String f : new String[] {"StockService.wsdl", "StockService.wsdl0.wsdl"}) {
      Files.copy(src.resolve(f), dir.resolve(f));
    }
    Files.writeString(dir.resolve("StockService.xsd0.xsd"), Files.readString(src.resolve("StockService.xsd0.xsd"))
        .replaceFirst("<xs:schema", "<!DOCTYPE xs:schema SYSTEM \"http://127.0.0.1:9/XMLSchema.dtd\">\n<xs:schema"));
    assertEquals(0, run("--wsdl", dir.resolve("StockService.wsdl").toString(), "--out", dir.resolve("out").toString()), err());
  }

  @Test
  void verboseAddsTheStackTrace() {
    assertEquals(1, run("--verbose", "--wsdl", Resources.wsdl("stock-wcf/StockService.xsd0.xsd").toString(), "--out", dir.toString()));
    assertTrue(err().contains("\tat org.netduplex.codegen."), err());
  }
}
