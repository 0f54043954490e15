package org.netduplex.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.jws.Oneway;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebService;
import jakarta.jws.soap.SOAPBinding;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * How a callback's argument becomes its body element: as the element the operation names, of the
 * parameter's type, with no {@code xsi:type}, whether that type is named or, as wsdl2java generates
 * WCF's wrapper elements ({@code <xs:element name="JobUpdated"><xs:complexType>…}), anonymous.
 */
class CallbackContractTest {
  static final String NS = "urn:t";

  /** A wrapper element of an anonymous type, as the VDI contract's JobUpdated. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "", propOrder = {"job"})
  @XmlRootElement(name = "Updated", namespace = NS)
  public static class Updated {
    @jakarta.xml.bind.annotation.XmlElement(namespace = NS)
    public String job;
  }

  /** A named type, as DataContract types are. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "Quote", namespace = NS)
  public static class Quote {
    @jakarta.xml.bind.annotation.XmlElement(namespace = NS)
    public String symbol;
  }

  @WebService(targetNamespace = NS)
  @SOAPBinding(parameterStyle = SOAPBinding.ParameterStyle.BARE)
  public interface Contract {
    @WebMethod(operationName = "Updated", action = "urn:t/Updated")
    @Oneway
    void updated(@WebParam(name = "Updated", targetNamespace = NS, partName = "parameters") Updated u);

    @WebMethod(operationName = "Quoted", action = "urn:t/Quoted")
    @Oneway
    void quoted(@WebParam(name = "Quoted", targetNamespace = NS) Quote q);

    @WebMethod(operationName = "Counted", action = "urn:t/Counted")
    @Oneway
    void counted(@WebParam(name = "Count", targetNamespace = NS) int count);
  }

  @Test
  void anArgumentOfAnAnonymousTypeIsItsOwnElement() throws Exception {
    Updated u = new Updated();
    u.job = "job-1";

    String body = encode("updated", Updated.class, u);

    assertEquals("<Updated xmlns=\"urn:t\"><job>job-1</job></Updated>", body.replaceAll(" xmlns:\\w+=\"[^\"]*\"", ""));
  }

  @Test
  void anArgumentOfANamedTypeCarriesNoXsiType() throws Exception {
    Quote q = new Quote();
    q.symbol = "MSFT";

    String body = encode("quoted", Quote.class, q);

    assertEquals("<Quoted xmlns=\"urn:t\"><symbol>MSFT</symbol></Quoted>", body.replaceAll(" xmlns:\\w+=\"[^\"]*\"", ""));
  }

  @Test
  void aPrimitiveArgumentIsItsElementsText() throws Exception {
    String body = encode("counted", int.class, 3);

    assertEquals("<Count xmlns=\"urn:t\">3</Count>", body.replaceAll(" xmlns:\\w+=\"[^\"]*\"", ""));
  }

  private static String encode(String method, Class<?> parameter, Object argument) throws Exception {
    CallbackMessage message = CallbackContract.of(Contract.class)
        .encode(Contract.class.getMethod(method, parameter), new Object[] {argument});
    return new String(message.body(), StandardCharsets.UTF_8);
  }
}
