package org.netduplex.msbin.cxf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netduplex.msbin.Msbin;

/**
 * A real CXF JAX-WS endpoint with {@link MsbinFeature} on a loopback port, spoken to over HTTP with
 * hand-made binary and text envelopes: binary in, binary out; text in, text out; on SOAP 1.1 and on
 * SOAP 1.2 with WS-Addressing, the form WCF's binary bindings use.
 */
class MsbinFeatureTest {
  private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
  private static final String ADD_11 = "<s:Envelope xmlns:s=\"" + SOAP11 + "\"><s:Body>"
      + "<c:add xmlns:c=\"urn:netduplex:msbin:test\"><a>2</a><b>40</b></c:add></s:Body></s:Envelope>";

  private static Bus bus;
  private static Server soap11;
  private static Server soap12;
  private static URI soap11Address;
  private static URI soap12Address;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    bus = BusFactory.newInstance().createBus();
    soap11Address = URI.create("http://localhost:" + freePort() + "/calc");
    soap11 = endpoint(soap11Address, false);
    soap12Address = URI.create("http://localhost:" + freePort() + "/calc12");
    soap12 = endpoint(soap12Address, true);
  }

  private static Server endpoint(URI address, boolean soap12) {
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setBus(bus);
    factory.setServiceClass(Calculator.Impl.class);
    factory.setServiceBean(new Calculator.Impl());
    factory.setAddress(address.toString());
    if (soap12) {
      factory.setBindingId(jakarta.xml.ws.soap.SOAPBinding.SOAP12HTTP_BINDING);
      factory.getFeatures().add(new WSAddressingFeature());
    }
    factory.getFeatures().add(new MsbinFeature());
    return factory.create();
  }

  @AfterAll
  static void stop() {
    soap11.destroy();
    soap12.destroy();
    bus.shutdown(true);
  }

  @Test
  void binaryRequestGetsBinaryAnswer() throws Exception {
    HttpResponse<byte[]> response = post(soap11Address, Msbin.CONTENT_TYPE, Msbin.fromText(ADD_11), "\"\"");
    assertEquals(200, response.statusCode());
    assertEquals(Msbin.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElse(""));
    String answer = Msbin.toText(response.body());
    assertTrue(answer.contains("<sum>42</sum>"), answer);
    assertTrue(answer.startsWith("<soap:Envelope xmlns:soap=\"" + SOAP11 + "\">"), answer);
  }

  @Test
  void textRequestOnTheSameEndpointStaysText() throws Exception {
    HttpResponse<byte[]> response =
        post(soap11Address, "text/xml; charset=UTF-8", ADD_11.getBytes(StandardCharsets.UTF_8), "\"\"");
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
    String answer = new String(response.body(), StandardCharsets.UTF_8);
    assertTrue(answer.contains("<sum>42</sum>"), answer);
  }

  @Test
  void faultOfABinaryRequestIsBinary() throws Exception {
    String echoFail = ADD_11.replace("<a>2</a><b>40</b>", "<text>fail</text>").replace("c:add", "c:echo");
    HttpResponse<byte[]> response = post(soap11Address, Msbin.CONTENT_TYPE, Msbin.fromText(echoFail), "\"\"");
    assertEquals(500, response.statusCode());
    assertEquals(Msbin.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElse(""));
    String answer = Msbin.toText(response.body());
    assertTrue(answer.contains("Fault>") && answer.contains("asked to fail"), answer);
  }

  @Test
  void malformedBinaryRequestGetsABinaryFault() throws Exception {
    byte[] whole = Msbin.fromText(ADD_11);
    HttpResponse<byte[]> response =
        post(soap11Address, Msbin.CONTENT_TYPE, Arrays.copyOf(whole, whole.length - 6), "\"\"");
    assertEquals(500, response.statusCode());
    assertEquals(Msbin.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElse(""));
    String answer = Msbin.toText(response.body());
    assertTrue(answer.contains("Fault>") && answer.contains("message ends inside"), answer);
  }

  @Test
  void soap12WithAddressingInBinary() throws Exception {
    String request = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
        + "xmlns:a=\"http://www.w3.org/2005/08/addressing\"><s:Header>"
        + "<a:Action s:mustUnderstand=\"1\">urn:netduplex:msbin:test/Calculator/echoRequest</a:Action>"
        + "<a:MessageID>urn:uuid:33221100-5544-7766-8899-aabbccddeeff</a:MessageID>"
        + "<a:ReplyTo><a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address></a:ReplyTo>"
        + "<a:To s:mustUnderstand=\"1\">" + soap12Address + "</a:To></s:Header>"
        + "<s:Body><c:echo xmlns:c=\"urn:netduplex:msbin:test\"><text>hello binary</text></c:echo></s:Body>"
        + "</s:Envelope>";
    HttpResponse<byte[]> response = post(soap12Address, Msbin.CONTENT_TYPE, Msbin.fromText(request), null);
    assertEquals(200, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
    assertEquals(Msbin.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElse(""));
    String answer = Msbin.toText(response.body());
    assertTrue(answer.contains("<text>hello binary</text>"), answer);
    assertTrue(answer.contains("urn:uuid:33221100-5544-7766-8899-aabbccddeeff</"), answer); // RelatesTo
  }

  @Test
  void cxfClientWithTheFeatureSpeaksBinaryBothWays() {
    JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
    factory.setBus(bus);
    factory.setServiceClass(Calculator.class);
    factory.setAddress(soap11Address.toString());
    factory.getFeatures().add(MsbinFeature.binaryRequests());
    Calculator calculator = factory.create(Calculator.class);
    assertEquals(42, calculator.add(40, 2));
    assertEquals("日本語 & <text>", calculator.echo("日本語 & <text>"));
  }

  private static HttpResponse<byte[]> post(URI address, String contentType, byte[] body, String soapAction)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(address)
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (soapAction != null) {
      request.header("SOAPAction", soapAction);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
